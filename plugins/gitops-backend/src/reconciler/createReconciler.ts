import { createHistoryRecorder } from '../services/HistoryStore';
import { createLocalReconciler } from './local';
import { createShardedReconciler } from './sharded';
import { Reconciler, ReconcilerOptions } from './types';
import { createWatcherFactory } from './watcherFactory';

/**
 * The reconciler `gitops.sharding` asks for (the one place that tells the two modes apart), recording the status
 * transitions of the objects it watches in the history store.
 */
export async function createReconciler(
  options: ReconcilerOptions,
): Promise<Reconciler> {
  const reconciler = await reconcilerFor(options);
  const recorder = createHistoryRecorder({
    cache: reconciler.cache,
    store: options.history,
    logger: options.logger,
  });
  return {
    ...reconciler,
    async stop() {
      await reconciler.stop();
      await recorder.stop();
    },
  };
}

async function reconcilerFor(options: ReconcilerOptions): Promise<Reconciler> {
  const {
    config,
    clusterSource,
    cache,
    entityIndex,
    history,
    publisher,
    logger,
  } = options;
  const createWatcher = createWatcherFactory(options);
  const { sharding } = config;
  if (!sharding?.enabled) {
    return createLocalReconciler({
      clusters: clusterSource,
      cache,
      createWatcher,
      entityIndex,
      history,
      publisher,
    });
  }
  if (clusterSource.dynamic) {
    // Leases are registered per cluster at start-up: the sharded reconciler does not follow a changing set yet.
    await clusterSource.refresh();
    logger.warn(
      'gitops: with gitops.sharding.enabled, clusters from the catalog are read once at start-up; ' +
        'restart the backend to watch clusters added to or removed from the catalog since',
    );
  }
  return createShardedReconciler({
    knex: await options.database.getClient(),
    clusters: clusterSource.clusters(),
    cache,
    createWatcher,
    entityIndex,
    history,
    publisher,
    logger,
    leaseDurationMs: sharding.leaseDurationMs,
    staleAfterMs: config.staleAfterMs,
    pollSignals: sharding.pollSignals,
    teamView: sharding.teamView,
  });
}
