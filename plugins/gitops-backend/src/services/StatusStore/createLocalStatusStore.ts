import {
  ObjectStatus,
  OverviewQuery,
  Xrd,
} from '@gitops-portal/plugin-gitops-common';
import { ClusterWatcher } from '../ClusterWatcher';
import { EntityIndex } from '../EntityIndex';
import { HistoryStore } from '../HistoryStore';
import { ObjectCache } from '../ObjectCache';
import { compareObjects, matchesOverview } from './overviewFilter';
import { withStaleMark } from './staleMark';
import { createEntityRowMemo } from './entityRowMemo';
import { teamResponse } from './teamView';
import { StatusStore } from './types';

/**
 * The StatusStore of a single replica: everything from its ObjectCache and watchers in memory (the reads are
 * asynchronous only to share the interface with the PostgreSQL-backed store).
 */
export function createLocalStatusStore(options: {
  cache: ObjectCache;
  entityIndex: EntityIndex;
  /** The watchers of the clusters watched now (the set may change at run time). */
  watchers: () => ClusterWatcher[];
  history: HistoryStore;
  now?: () => number;
}): StatusStore {
  const { cache, entityIndex, watchers, history } = options;
  const now = options.now ?? Date.now;
  const rows = createEntityRowMemo(cache);

  /**
   * When each cluster went stale (undefined: fresh), read from the watchers once per request, not once per
   * entity: a team request marks ten entities' objects.
   */
  function staleSinceOfClusters(): (cluster: string) => number | undefined {
    const byName = new Map(watchers().map(watcher => [watcher.name, watcher]));
    const staleByCluster = new Map<string, number | undefined>();
    return cluster => {
      if (!staleByCluster.has(cluster)) {
        staleByCluster.set(cluster, byName.get(cluster)?.staleSince());
      }
      return staleByCluster.get(cluster);
    };
  }

  function withStale(
    objects: ObjectStatus[],
    staleSince = staleSinceOfClusters(),
  ): ObjectStatus[] {
    const at = now();
    return objects.map(object =>
      withStaleMark(object, staleSince(object.cluster), at),
    );
  }

  const objectsOf = (entityRef: string, staleSince = staleSinceOfClusters()) =>
    withStale(cache.byEntity(entityRef), staleSince).sort(compareObjects);

  return {
    async entityObjects(entityRef) {
      const objects = objectsOf(entityRef);
      const names = new Set(objects.map(object => object.cluster));
      return {
        objects,
        clusters: watchers()
          .filter(watcher => names.has(watcher.name))
          .map(watcher => watcher.state()),
      };
    },
    teamEntities: team => entityIndex.entitiesOfTeam(team),
    hasTeam: team => entityIndex.hasTeam(team),
    knowsEntity: entityRef => entityIndex.has(entityRef),
    async teamView(team, entityRefs) {
      const staleSince = staleSinceOfClusters();
      const staleClusters = watchers()
        .filter(watcher => watcher.staleSince() !== undefined)
        .map(watcher => watcher.name)
        .sort()
        .join('\n');
      return teamResponse(
        team,
        entityRefs.map(entityRef =>
          rows.entryOf(entityRef, staleClusters, () =>
            objectsOf(entityRef, staleSince),
          ),
        ),
      );
    },
    async overviewObjects(query: OverviewQuery) {
      let candidates: ObjectStatus[];
      if (query.entityRef) candidates = cache.byEntity(query.entityRef);
      else if (query.team) candidates = cache.byTeam(query.team);
      else candidates = cache.all();
      if (query.team && query.entityRef) {
        const owned = new Set(
          entityIndex.entitiesOfTeam(query.team).map(r => r.toLowerCase()),
        );
        if (!owned.has(query.entityRef.toLowerCase())) candidates = [];
      }
      return withStale(
        candidates.filter(object => matchesOverview(object, query)),
      ).sort(compareObjects);
    },
    history(entityRef, { since, limit }) {
      return history.query({
        entityRef,
        objectKeys: cache.byEntity(entityRef).map(object => object.key),
        since: since ? new Date(since) : undefined,
        limit,
      });
    },
    clusters: async () => watchers().map(watcher => watcher.state()),
    xrds: async () =>
      watchers()
        .flatMap(watcher => watcher.xrds())
        .sort(
          (a: Xrd, b: Xrd) =>
            a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster),
        ),
  };
}
