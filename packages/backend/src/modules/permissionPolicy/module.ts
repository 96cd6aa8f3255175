import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readGitopsPolicyOptions } from '@gitops-portal/plugin-gitops-backend';
import { PortalPermissionPolicy } from './policy';

/** Installs {@link PortalPermissionPolicy} as the permission backend's policy. */
export const permissionModulePortalPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new PortalPermissionPolicy(readGitopsPolicyOptions(config)),
        );
      },
    });
  },
});
