import { ClusterConfig } from '../../config';
import { EntityIndex } from '../../services/EntityIndex';
import { HistoryStore } from '../../services/HistoryStore';
import { ObjectCache } from '../../services/ObjectCache';
import { SignalPublisher } from '../../services/SignalPublisher';
import { createLocalStatusStore } from '../../services/StatusStore';
import { Reconciler, WatcherFactory } from '../types';

/** One replica: a watcher per configured cluster into the ObjectCache, every read answered from memory. */
export function createLocalReconciler(options: {
  clusters: ClusterConfig[];
  cache: ObjectCache;
  createWatcher: WatcherFactory;
  entityIndex: EntityIndex;
  history: HistoryStore;
  publisher: Pick<SignalPublisher, 'changed'>;
}): Reconciler {
  const { cache, publisher } = options;
  const watchers = options.clusters.map(cluster =>
    options.createWatcher(cluster, cache),
  );
  const names = new Set(options.clusters.map(cluster => cluster.name));
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
  return {
    statusStore: createLocalStatusStore({
      cache,
      entityIndex: options.entityIndex,
      watchers,
      history: options.history,
    }),
    cache,
    start() {
      // Each cluster runs on its own: a slow or dead one never delays another.
      for (const watcher of watchers) watcher.start();
    },
    async stop() {
      await Promise.all(watchers.map(watcher => watcher.stop()));
      unsubscribe();
    },
    watchers: () => watchers,
    owns: cluster => names.has(cluster),
  };
}
