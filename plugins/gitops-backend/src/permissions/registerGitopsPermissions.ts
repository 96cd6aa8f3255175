import {
  AuthService,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { gitopsPermissions } from '@gitops-portal/plugin-gitops-common';
import { gitopsEntityPermissionResourceRef } from './resourceRef';
import { gitopsPermissionRules } from './rules';

/** What the rules read of an entity: the catalog sends no more. */
const RULE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.owner',
  'relations',
];

/**
 * Registers the GitOps permissions, their resource type and rules with the plugin's permissions registry, so
 * policy tools list them and the permission backend sends conditional decisions for them to this plugin's
 * `/.well-known/backstage/permissions/apply-conditions`. Call once from the plugin's `init`.
 *
 * @public
 */
export function registerGitopsPermissions(options: {
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  auth: AuthService;
}): void {
  const { permissionsRegistry, catalog, auth } = options;
  permissionsRegistry.addResourceType({
    resourceRef: gitopsEntityPermissionResourceRef,
    permissions: gitopsPermissions,
    rules: Object.values(gitopsPermissionRules),
    // Conditions are applied for the permission backend, not a user: read the entities as this plugin.
    async getResources(entityRefs) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs, fields: RULE_FIELDS },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return items.map(entity => entity ?? undefined);
    },
  });
}
