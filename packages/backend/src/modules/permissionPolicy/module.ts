import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
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
          new PortalPermissionPolicy({
            // Declared in @gitops-portal/plugin-gitops-backend's config.d.ts.
            restrictStatusToOwners:
              config.getOptionalBoolean(
                'gitops.permissions.restrictStatusToOwners',
              ) ?? false,
          }),
        );
      },
    });
  },
});
