import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { readGitopsConfig } from './config';
import { createPermissionGuard } from './permissionGuard';
import { createRouter } from './router';
import { createClusterWatcher } from './services/ClusterWatcher';
import { createEntityIndex } from './services/EntityIndex';
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
            onStateChange: name => publisher.changed({ clusters: [name] }),
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
          fn: () => entityIndex.refresh(),
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

        // Watches start now and never block startup: each cluster runs on its own.
        for (const watcher of watchers) watcher.start();
        lifecycle.addStartupHook(() => {
          entityIndex
            .refresh()
            .catch(error =>
              logger.warn(`gitops: first catalog load failed: ${error}`),
            );
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
