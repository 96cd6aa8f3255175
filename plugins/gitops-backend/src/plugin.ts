import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  createClusterSource,
  createEnvironments,
  scheduleClusterRefresh,
} from './clusters';
import { readGitopsConfig } from './config';
import { registerGitopsPermissions } from './permissions';
import { observeReconciler } from './metrics';
import { createReconciler } from './reconciler';
import { createRouter, createRouteServices } from './routes';
import { createAlertService, readAlertsConfig } from './services/Alerts';
import { createEntityIndex, scheduleEntityIndex } from './services/EntityIndex';
import {
  createHistoryStore,
  scheduleHistoryRetention,
} from './services/HistoryStore';
import { createObjectCache } from './services/ObjectCache';
import { createSignalPublisher } from './services/SignalPublisher';

/**
 * The GitOps portal backend: watches the GitOps objects of every configured cluster (sharded: this replica's share)
 * and serves their status.
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
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const config = readGitopsConfig(deps.config, deps.logger);
        registerGitopsPermissions(deps);
        const history = await createHistoryStore(deps.database);
        const publisher = createSignalPublisher(deps);
        const cache = createObjectCache();
        const entityIndex = createEntityIndex({ ...deps, cache });
        const clusterSource = createClusterSource({
          ...deps,
          settings: config.clusterSettings,
        });
        const environments = createEnvironments(deps.config, clusterSource);
        const reconciler = await createReconciler({
          ...deps,
          config,
          clusterSource,
          cache,
          entityIndex,
          history,
          publisher,
        });
        const alerts = createAlertService({
          ...deps,
          cache: reconciler.cache,
          config: readAlertsConfig(deps.config),
          teamOf: ref => entityIndex.teamOf(ref),
          clusters: () => reconciler.watchers(),
          isOwnedCluster: name => reconciler.owns(name),
        });
        await scheduleEntityIndex({
          ...deps,
          entityIndex,
          frequencyMs: config.entityIndexRefreshMs,
        });
        await scheduleClusterRefresh({ ...deps, clusterSource });
        await scheduleHistoryRetention({ ...deps, history, config });
        observeReconciler(reconciler);
        reconciler.start();
        deps.lifecycle.addShutdownHook(async () => {
          await reconciler.stop();
          await alerts.stop();
          await publisher.stop();
        });
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            environments,
            statusStore: reconciler.statusStore,
            publisher,
            ...createRouteServices({
              ...deps,
              history,
              clusterSource,
              statusStore: reconciler.statusStore,
              environments,
              labelsOf: key => reconciler.cache.matchOf(key)?.labels,
              objectOf: key => reconciler.cache.get(key),
            }),
            onUnknownEntity: ref => entityIndex.refreshForUnknown(ref),
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
