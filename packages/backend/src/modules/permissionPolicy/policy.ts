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

/** The GitOps status read permission (`@gitops-portal/plugin-gitops-common`'s `gitopsStatusReadPermission`). */
export const GITOPS_STATUS_READ = 'gitops.status.read';

export interface PortalPermissionPolicyOptions {
  /**
   * `gitops.permissions.restrictStatusToOwners`: when true, `gitops.status.read` on an entity is allowed to its
   * owners only (the same `isEntityOwner` condition as GitOps writes). Default false: every signed-in user.
   */
  restrictStatusToOwners?: boolean;
}

/**
 * The portal's default policy:
 * - requests without a signed-in user are denied;
 * - reads are allowed to every signed-in user, except `gitops.status.read` when
 *   `gitops.permissions.restrictStatusToOwners` is true: then it is conditional on owning the entity;
 * - GitOps writes (promote, rollback) on an entity are allowed to its owners: the user or a group the user belongs
 *   to must be the entity's owner, decided by the catalog's `isEntityOwner` rule;
 * - other GitOps writes are denied;
 * - everything else (catalog registration, scaffolder runs) is allowed to signed-in users: golden paths open pull
 *   requests, which are themselves reviewed, so the portal does not gate them a second time.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  constructor(private readonly options: PortalPermissionPolicyOptions = {}) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { permission } = request;
    const ownersOnly = isResourcePermission(permission, 'catalog-entity')
      ? createCatalogConditionalDecision(
          permission,
          catalogConditions.isEntityOwner({
            claims: user.info.ownershipEntityRefs ?? [],
          }),
        )
      : undefined;
    if (
      permission.name === GITOPS_STATUS_READ &&
      this.options.restrictStatusToOwners &&
      ownersOnly
    ) {
      return ownersOnly;
    }
    if (permission.attributes.action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!permission.name.startsWith(GITOPS_PERMISSION_PREFIX)) {
      return { result: AuthorizeResult.ALLOW };
    }
    return ownersOnly ?? { result: AuthorizeResult.DENY };
  }
}
