import {
  coreServices,
  createBackendPlugin,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { ClusterConfig, readGitopsConfig } from './config';
import { observeReconciler } from './metrics';
import { createPermissionGuard } from './permissionGuard';
import { createAlertService, readAlertsConfig } from './services/Alerts';
import { createRouter } from './router';
import {
  createClusterWatcher,
  createListPageLimit,
} from './services/ClusterWatcher';
import { createEntityIndex } from './services/EntityIndex';
import { createPullRequestService } from './services/PullRequests';
import {
  createHistoryRecorder,
  createHistoryStore,
} from './services/HistoryStore';
import {
  createHandoverCache,
  createShardedReconciler,
} from './services/Sharding';
import { createSignalPublisher } from './services/SignalPublisher';
import { createStatusCache, StatusCache } from './services/StatusCache';
import { createStatusService, statusReaderOf } from './services/StatusService';
import {
  createDeliveriesRouter,
  createDeliveryService,
} from './services/Deliveries';

/**
 * The GitOps portal backend: watches Argo CD, Flux, Crossplane and Argo
 * Rollouts objects in every configured cluster and serves their status.
 *
 * @public
 */
export const gitopsPlugin = createBackendPlugin({
  pluginId: 'gitops',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { logger, scheduler, lifecycle } = deps;
        const config = readGitopsConfig(deps.config);
        // Sharded replicas hand clusters over without their listeners hearing deletions.
        const cache = createHandoverCache(createStatusCache());
        const store = await createHistoryStore(deps.database);
        const recorder = createHistoryRecorder({ cache, store, logger });
        const publisher = createSignalPublisher({
          signals: deps.signals,
          logger,
        });
        // Sharded replicas signal their changes once written to the shared table, which their views read.
        if (!config.sharding?.enabled) {
          cache.subscribe(changes =>
            publisher.changed({
              entityRefs: changes.flatMap(change => [
                ...(change.previous?.entityRefs ?? []),
                ...(change.current?.entityRefs ?? []),
              ]),
              clusters: changes.map(change => change.cluster),
            }),
          );
        }

        // One list page gate for every cluster: a cold start lists a few pages at a time, not all.
        const listPageLimit = createListPageLimit();
        const watcherFor = (
          cluster: ClusterConfig,
          target: StatusCache = cache,
        ) =>
          createClusterWatcher({
            cluster,
            cache: target,
            logger: logger.child({ cluster: cluster.name }),
            idleTimeoutMs: config.idleTimeoutMs,
            discoveryIntervalMs: config.discoveryIntervalMs,
            discoveryFallbackIntervalMs: config.discoveryFallbackIntervalMs,
            staleAfterMs: config.staleAfterMs,
            listPageLimit,
            // Views refetch by entity: name every entity with objects in the cluster, so stale markers and
            // banners appear without a reload.
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
        const entityIndex = createEntityIndex({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          cache,
        });
        // Sharded (PostgreSQL only): watchers start and stop with this replica's cluster leases.
        const sharded = config.sharding?.enabled
          ? createShardedReconciler({
              knex: await deps.database.getClient(),
              clusters: config.clusters,
              cache,
              createWatcher: watcherFor,
              entityIndex,
              history: store,
              publisher,
              logger,
              leaseDurationMs: config.sharding.leaseDurationMs,
              pollSignals: config.sharding.pollSignals,
              teamReadModel: config.sharding.teamReadModel,
              staleAfterMs: config.staleAfterMs,
            })
          : undefined;
        const watchers = sharded
          ? []
          : config.clusters.map(cluster => watcherFor(cluster));
        // Alerts to owning teams (gitops.alerts).
        const alerts = createAlertService({
          cache,
          notifications: deps.notifications,
          logger,
          config: readAlertsConfig(deps.config),
          teamOf: ref => entityIndex.teamOf(ref),
          // Sharded: the watchers of the clusters this replica holds now.
          clusters: () => sharded?.watchers() ?? watchers,
          // Sharded: only the replica holding a cluster's lease alerts for it.
          isOwnedCluster: name => !sharded || sharded.held().includes(name),
        });

        await scheduler.scheduleTask({
          id: 'gitops-entity-index',
          frequency: { seconds: 60 },
          timeout: { minutes: 2 },
          scope: 'local', // every replica keeps its own cache
          fn: async () => {
            await entityIndex.refresh();
          },
        });
        await scheduler.scheduleTask({
          id: 'gitops-history-retention',
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          fn: async () => {
            const removed = await store.prune(
              new Date(Date.now() - config.retentionMs),
            );
            if (removed > 0)
              logger.info(`gitops: pruned ${removed} history rows`);
          },
        });

        observeReconciler(cache, watchers);

        // Watches start now and never block startup: each cluster runs on its own.
        for (const watcher of watchers) watcher.start();
        sharded?.start();
        // At startup the catalog may still be ingesting: retry the first load every few seconds until it finds
        // entities, rather than leaving objects unmapped until the next scheduled refresh.
        lifecycle.addStartupHook(() => {
          void loadEntityIndexUntilPopulated(entityIndex, logger);
        });
        lifecycle.addShutdownHook(async () => {
          await Promise.all(watchers.map(watcher => watcher.stop()));
          await sharded?.stop();
          await alerts.stop();
          await recorder.stop();
          await publisher.stop();
        });

        const status = createStatusService({
          cache,
          entityIndex,
          watchers,
          history: store,
        });
        // Sharded: every replica reads the full picture from PostgreSQL.
        const reader = sharded?.reader ?? statusReaderOf(status);
        // One guard for the status and the deliveries routers.
        const guard = createPermissionGuard(deps);
        deps.httpRouter.use(
          await createRouter({
            status: reader,
            guard,
            catalog: deps.catalog,
            httpAuth: deps.httpAuth,
            pullRequests: createPullRequestService({
              config: deps.config,
              logger,
            }),
            onUnknownEntity: ref => entityIndex.refreshForUnknown(ref),
          }),
        );
        // The delivery timeline: portal pull requests → merged → synced → healthy per environment.
        deps.httpRouter.use(
          await createDeliveriesRouter({
            deliveries: createDeliveryService({
              config: deps.config,
              logger,
              history: store,
              clusterOrder: () => config.clusters.map(cluster => cluster.name),
            }),
            status: reader,
            guard,
            catalog: deps.catalog,
            httpAuth: deps.httpAuth,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});

const FIRST_LOAD_ATTEMPTS = 24;
const FIRST_LOAD_RETRY_MS = 5_000;

async function loadEntityIndexUntilPopulated(
  entityIndex: { refresh(): Promise<number> },
  logger: LoggerService,
) {
  for (let attempt = 1; attempt <= FIRST_LOAD_ATTEMPTS; attempt++) {
    try {
      if ((await entityIndex.refresh()) > 0) return;
    } catch (error) {
      logger.warn(`gitops: catalog load failed (attempt ${attempt}): ${error}`);
    }
    // unref: a backend shutting down must not wait for this retry
    await new Promise(resolve =>
      setTimeout(resolve, FIRST_LOAD_RETRY_MS).unref(),
    );
  }
}
