import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { fetchClusterEstates } from '@gitops-portal/plugin-gitops-node';
import {
  createGitopsClusterRequestAction,
  createGitopsCrossplaneClaimAction,
  createGitopsDecommissionAction,
  createGitopsDriftPolicySetAction,
  createGitopsPreviewEnableAction,
  createGitopsPromoteAction,
  createGitopsPullRequestAction,
  createGitopsRollbackAction,
  createGitopsSecretAddAction,
  createGitopsServiceCreateAction,
  createGitopsTeamOnboardAction,
  createGitopsWorkloadAdoptAction,
} from './actions';
import { fetchServiceLayout } from './actions/gitopsBackend';
import { pullRequestSettingsOf } from './actions/runConfigRepoPullRequest';

/**
 * Adds the `gitops:*` actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleGitops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'gitops',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, logger, permissions, discovery, auth }) {
        // Read once, here: a bad gitops.pullRequests or gitops.validation key stops the start, not a task.
        pullRequestSettingsOf(config);
        const deps = {
          config,
          logger,
          permissions,
          // The target clusters' CRDs and policies, from the gitops backend (another plugin: over HTTP).
          clusterEstates: (environments: string[]) =>
            fetchClusterEstates({ discovery, auth }, environments),
        };
        scaffolder.addActions(
          createGitopsServiceCreateAction(deps),
          createGitopsPromoteAction(deps),
          createGitopsPullRequestAction(deps),
          createGitopsRollbackAction(deps),
          createGitopsDecommissionAction({
            ...deps,
            // Removes what the live objects deploy from, as the gitops backend finds it for promotions.
            serviceLayout: (entityRef, onBehalfOf) =>
              fetchServiceLayout({ discovery, auth }, entityRef, onBehalfOf),
          }),
          createGitopsCrossplaneClaimAction(deps),
          createGitopsTeamOnboardAction(deps),
          createGitopsSecretAddAction(deps),
          createGitopsDriftPolicySetAction(deps),
          createGitopsWorkloadAdoptAction({ ...deps, discovery, auth }),
          createGitopsClusterRequestAction(deps),
          createGitopsPreviewEnableAction(deps),
        );
      },
    });
  },
});
