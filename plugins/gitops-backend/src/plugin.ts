import {
  coreServices,
  createBackendPlugin,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { readGitopsConfig } from './config';
import { observeReconciler } from './metrics';
import { createPermissionGuard } from './permissionGuard';
import { createRouter } from './router';
import { createClusterWatcher } from './services/ClusterWatcher';
import { createEntityIndex } from './services/EntityIndex';
import { createPullRequestService } from './services/PullRequests';
import {
  createHistoryRecorder,
  createHistoryStore,
} from './services/HistoryStore';
import { createSignalPublisher } from './services/SignalPublisher';
import { createStatusCache } from './services/StatusCache';
import { createStatusService } from './services/StatusService';

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
      },
      async init(deps) {
        const { logger, scheduler, lifecycle } = deps;
        const config = readGitopsConfig(deps.config);
        const cache = createStatusCache();
        const store = await createHistoryStore(deps.database);
        const recorder = createHistoryRecorder({ cache, store, logger });
        const publisher = createSignalPublisher({
          signals: deps.signals,
          logger,
        });
        cache.subscribe(changes =>
          publisher.changed({
            entityRefs: changes.flatMap(change => [
              ...(change.previous?.entityRefs ?? []),
              ...(change.current?.entityRefs ?? []),
            ]),
            clusters: changes.map(change => change.cluster),
          }),
        );

        const watchers = config.clusters.map(cluster =>
          createClusterWatcher({
            cluster,
            cache,
            logger: logger.child({ cluster: cluster.name }),
            idleTimeoutMs: config.idleTimeoutMs,
            discoveryIntervalMs: config.discoveryIntervalMs,
            staleAfterMs: config.staleAfterMs,
            // Views refetch by entity: name every entity with objects in the cluster, so stale markers and
            // banners appear without a reload.
            onStateChange: name =>
              publisher.changed({
                clusters: [name],
                entityRefs: [
                  ...new Set(
                    cache
                      .all()
                      .filter(object => object.cluster === name)
                      .flatMap(object => object.entityRefs),
                  ),
                ],
              }),
          }),
        );
        const entityIndex = createEntityIndex({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          cache,
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
        // At startup the catalog may still be ingesting: retry the first load every few seconds until it finds
        // entities, rather than leaving objects unmapped until the next scheduled refresh.
        lifecycle.addStartupHook(() => {
          void loadEntityIndexUntilPopulated(entityIndex, logger);
        });
        lifecycle.addShutdownHook(async () => {
          await Promise.all(watchers.map(watcher => watcher.stop()));
          await recorder.stop();
          await publisher.stop();
        });

        const status = createStatusService({
          cache,
          entityIndex,
          watchers,
          history: store,
        });
        deps.httpRouter.use(
          await createRouter({
            status,
            guard: createPermissionGuard(deps),
            catalog: deps.catalog,
            httpAuth: deps.httpAuth,
            pullRequests: createPullRequestService({
              config: deps.config,
              logger,
            }),
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
