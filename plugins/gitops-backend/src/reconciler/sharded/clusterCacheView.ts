import { ObjectCache } from '../../services/ObjectCache';

/** The cache as one cluster's watcher sees it: relists also sweep the shared store, and the cluster can be purged. */
export interface ClusterCacheView {
  cache: ObjectCache;
  /** Removes the cluster's objects from this replica's memory (another replica owns them now). */
  purge(): void;
}

export function clusterCacheView(
  cache: ObjectCache,
  onReplaced: (kindId: string, keys: string[]) => void,
): ClusterCacheView {
  const kindIds = new Set<string>();
  return {
    cache: {
      ...cache,
      upsert(kindId, input) {
        kindIds.add(kindId);
        cache.upsert(kindId, input);
      },
      beginRelist(kindId) {
        kindIds.add(kindId);
        const relist = cache.beginRelist(kindId);
        return {
          putPage: inputs => relist.putPage(inputs),
          finish() {
            const keys = relist.finish();
            onReplaced(kindId, keys);
            return keys;
          },
        };
      },
      replaceKind(kindId, inputs) {
        kindIds.add(kindId);
        cache.replaceKind(kindId, inputs);
        onReplaced(
          kindId,
          inputs.map(input => input.record.key),
        );
      },
    },
    purge() {
      for (const kindId of kindIds) cache.replaceKind(kindId, []);
      kindIds.clear();
    },
  };
}
