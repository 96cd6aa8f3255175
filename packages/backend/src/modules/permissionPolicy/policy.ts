import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/**
 * Prefix of the permissions our own GitOps plugins define. Their rules (ownership of the entity, membership of the
 * owning team) are decided by those plugins; until a plugin registers a rule for one, it is denied.
 */
export const GITOPS_PERMISSION_PREFIX = 'gitops.';

/**
 * The portal's default policy: a signed-in user may read everything and use the catalog and scaffolder; GitOps
 * write permissions (promote, rollback, …) are denied here and granted by the GitOps plugins' own conditional rules.
 * Requests without a signed-in user are denied.
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
    if (permission.name.startsWith(GITOPS_PERMISSION_PREFIX)) {
      return { result: AuthorizeResult.DENY };
    }
    // Catalog registration and scaffolder runs stay open to signed-in users: the golden paths open pull requests,
    // which are themselves reviewed, so the portal does not gate them a second time.
    return { result: AuthorizeResult.ALLOW };
  }
}
