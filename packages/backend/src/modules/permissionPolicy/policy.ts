import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';

/** Prefix of the permissions our own GitOps plugins define. */
export const GITOPS_PERMISSION_PREFIX = 'gitops.';

/**
 * The portal's default policy:
 * - requests without a signed-in user are denied;
 * - reads are allowed to every signed-in user;
 * - GitOps writes (promote, rollback) on an entity are allowed to its owners: the user or a group the user belongs
 *   to must be the entity's owner, decided by the catalog's `isEntityOwner` rule;
 * - other GitOps writes are denied;
 * - everything else (catalog registration, scaffolder runs) is allowed to signed-in users: golden paths open pull
 *   requests, which are themselves reviewed, so the portal does not gate them a second time.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { permission } = request;
    if (permission.attributes.action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!permission.name.startsWith(GITOPS_PERMISSION_PREFIX)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isResourcePermission(permission, 'catalog-entity')) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.DENY };
  }
}
