import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  gitopsPolicyDecision,
  readGitopsPolicyOptions,
} from './policyDecision';

/**
 * A complete permission policy for an app without one of its own (in place of the allow-all policy module): GitOps
 * permissions as {@link gitopsPolicyDecision} decides them, everything else allowed to signed-in users.
 *
 * @public
 */
export const permissionModuleGitopsPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'gitops-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const options = readGitopsPolicyOptions(config);
        policy.setPolicy({
          async handle(request, user) {
            return (
              gitopsPolicyDecision(request, user, options) ?? {
                result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
              }
            );
          },
        });
      },
    });
  },
});
