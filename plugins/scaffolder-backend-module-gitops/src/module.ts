import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createGitopsCrossplaneClaimAction,
  createGitopsDecommissionAction,
  createGitopsPromoteAction,
  createGitopsPullRequestAction,
  createGitopsRollbackAction,
  createGitopsServiceCreateAction,
  createGitopsTeamOnboardAction,
} from './actions';

/** Adds the `gitops:*` actions to the scaffolder. */
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
      },
      async init({ scaffolder, config, logger, permissions }) {
        const deps = { config, logger, permissions };
        scaffolder.addActions(
          createGitopsServiceCreateAction(deps),
          createGitopsPromoteAction(deps),
          createGitopsPullRequestAction(deps),
          createGitopsRollbackAction(deps),
          createGitopsDecommissionAction(deps),
          createGitopsCrossplaneClaimAction(deps),
          createGitopsTeamOnboardAction(deps),
        );
      },
    });
  },
});
