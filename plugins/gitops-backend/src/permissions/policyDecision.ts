import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  gitopsStatusReadPermission,
  isGitopsPermission,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@gitops-portal/plugin-gitops-common';
import {
  createGitopsConditionalDecision,
  gitopsConditions,
} from './conditions';

/** @public */
export interface GitopsPolicyOptions {
  /**
   * `gitops.permissions.restrictStatusToOwners`: when true, `gitops.status.read` on an entity is allowed to its
   * owners only. Default false: every signed-in user.
   */
  restrictStatusToOwners?: boolean;
}

/**
 * The GitOps policy options from the app config (`gitops.permissions`).
 *
 * @public
 */
export function readGitopsPolicyOptions(config: Config): GitopsPolicyOptions {
  return {
    restrictStatusToOwners:
      config.getOptionalBoolean('gitops.permissions.restrictStatusToOwners') ??
      false,
  };
}

/**
 * The decision for a GitOps permission, or `undefined` for any other permission, so a policy reads
 * `return gitopsPolicyDecision(request, user, options) ?? theirDecision`:
 * - without a signed-in user: denied;
 * - reads (`gitops.status.read`): allowed, or owner-only with `restrictStatusToOwners`;
 * - writes (promote, rollback, decommission, change) on an entity: allowed to its owners, i.e. the user or one of
 *   their groups owns it (condition `isEntityOwner`, evaluated by the GitOps backend);
 * - any other GitOps permission (none on an entity): denied.
 *
 * @public
 */
export function gitopsPolicyDecision(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: GitopsPolicyOptions = {},
): PolicyDecision | undefined {
  const { permission } = request;
  if (!isGitopsPermission(permission)) {
    return undefined;
  }
  if (!user) {
    return { result: AuthorizeResult.DENY };
  }
  const ownersOnly =
    permission.attributes.action !== 'read' ||
    (options.restrictStatusToOwners === true &&
      isPermission(permission, gitopsStatusReadPermission));
  if (!ownersOnly) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (!isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)) {
    return { result: AuthorizeResult.DENY };
  }
  return createGitopsConditionalDecision(
    permission,
    // `info` is the permission backend's resolved user (marked deprecated, yet the one source of ownership refs).
    gitopsConditions.isEntityOwner({
      claims: user.info.ownershipEntityRefs ?? [],
    }),
  );
}
