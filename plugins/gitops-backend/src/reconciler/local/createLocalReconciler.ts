import { ClusterSource } from '../../clusters';
import { ClusterWatcher } from '../../services/ClusterWatcher';
import { EntityIndex } from '../../services/EntityIndex';
import { HistoryStore } from '../../services/HistoryStore';
import { ObjectCache } from '../../services/ObjectCache';
import { SignalPublisher } from '../../services/SignalPublisher';
import { createLocalStatusStore } from '../../services/StatusStore';
import { Reconciler, WatcherFactory } from '../types';

/**
 * One replica: a watcher per cluster of the ClusterSource into the ObjectCache, every read answered from memory.
 * Clusters added to the source at run time are watched, removed ones stopped and their objects dropped.
 */
export function createLocalReconciler(options: {
  clusters: Pick<ClusterSource, 'clusters' | 'subscribe'>;
  cache: ObjectCache;
  createWatcher: WatcherFactory;
  entityIndex: EntityIndex;
  history: HistoryStore;
  publisher: Pick<SignalPublisher, 'changed'>;
}): Reconciler {
  const { cache, publisher, createWatcher } = options;
  const watchers = new Map<string, ClusterWatcher>(
    options.clusters
      .clusters()
      .map(cluster => [cluster.name, createWatcher(cluster, cache)]),
  );
  let started = false;
  let stopped = false;
  /** Set changes run one after another, so a changed cluster's new watcher starts after the old one stopped. */
  let changing: Promise<void> = Promise.resolve();
  const unsubscribeClusters = options.clusters.subscribe(change => {
    changing = changing.then(async () => {
      if (stopped) return;
      const readded = new Set(change.added.map(cluster => cluster.name));
      for (const name of change.removed) {
        const watcher = watchers.get(name);
        watchers.delete(name);
        await watcher?.stop();
        // A changed cluster keeps its objects: the new watcher's first lists replace them.
        if (!readded.has(name)) {
          for (const object of cache.inCluster(name)) cache.remove(object.key);
        }
      }
      for (const cluster of change.added) {
        const watcher = createWatcher(cluster, cache);
        watchers.set(cluster.name, watcher);
        if (started) watcher.start();
      }
    });
  });
  // Views read this cache, so its changes are signalled at once (a sharded replica signals after its shared write).
  const unsubscribe = cache.subscribe(changes =>
    publisher.changed({
      entityRefs: changes.flatMap(change => [
        ...(change.previous?.entityRefs ?? []),
        ...(change.current?.entityRefs ?? []),
      ]),
      clusters: changes.map(change => change.cluster),
    }),
  );
  const current = () => [...watchers.values()];
  return {
    statusStore: createLocalStatusStore({
      cache,
      entityIndex: options.entityIndex,
      watchers: current,
      history: options.history,
    }),
    cache,
    start() {
      started = true;
      // Each cluster runs on its own: a slow or dead one never delays another.
      for (const watcher of watchers.values()) watcher.start();
    },
    async stop() {
      stopped = true;
      unsubscribeClusters();
      await changing;
      await Promise.all(current().map(watcher => watcher.stop()));
      unsubscribe();
    },
    watchers: current,
    owns: cluster => watchers.has(cluster),
  };
}
