import { LoggerService } from '@backstage/backend-plugin-api';
import { GitopsConfig } from '../config';
import {
  createClusterWatcher,
  createListPageLimit,
  SharedApplicationReports,
} from '../services/ClusterWatcher';
import { ObjectCache } from '../services/ObjectCache';
import { SignalPublisher } from '../services/SignalPublisher';
import { WatcherFactory } from './types';

/**
 * Cluster watchers with the configured timings, one list page gate and one registry of Application reports for them
 * all, and state changes signalled.
 */
export function createWatcherFactory(options: {
  config: GitopsConfig;
  /** The replica's whole cache: a cluster's state change names the entities with objects there. */
  cache: ObjectCache;
  publisher: Pick<SignalPublisher, 'changed'>;
  logger: LoggerService;
}): WatcherFactory {
  const { config, cache, publisher, logger } = options;
  // One list page gate for every cluster: a cold start lists a few pages at a time, not all.
  const listPageLimit = createListPageLimit();
  // One registry of Argo CD reports for every cluster: an Application in a hub cluster sets the health of what it
  // deploys to a spoke watched by this replica.
  const sharedReports = new SharedApplicationReports();
  return (cluster, target) =>
    createClusterWatcher({
      cluster,
      cache: target,
      logger: logger.child({ cluster: cluster.name }),
      idleTimeoutMs: config.idleTimeoutMs,
      discoveryIntervalMs: config.discoveryIntervalMs,
      discoveryFallbackIntervalMs: config.discoveryFallbackIntervalMs,
      staleAfterMs: config.staleAfterMs,
      listPageLimit,
      health: config.health,
      managedKinds: config.managedKinds,
      sharedReports,
      // Views refetch by entity: name every entity with objects in the cluster, so stale markers and banners
      // appear without a reload.
      onStateChange: name =>
        publisher.changed({
          clusters: [name],
          entityRefs: [
            ...new Set(
              cache.inCluster(name).flatMap(object => object.entityRefs),
            ),
          ],
        }),
    });
}
