import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  gitopsPolicyDecision,
  GitopsPolicyOptions,
} from '@gitops-portal/plugin-gitops-backend';
import { gitopsClusterRequestPermission } from '@gitops-portal/plugin-gitops-common';

/**
 * The portal's policy, as plugins/gitops-backend/docs/permissions.md documents it for an app with a policy of its
 * own: GitOps permissions as the GitOps plugin decides them (writes owner-only, status readable unless
 * `restrictStatusToOwners`), everything else allowed to signed-in users (golden paths open pull requests, which
 * are reviewed, so the portal does not gate them a second time). `gitops.cluster.request`, which the plugin's
 * policy denies (a write on no entity), is such a golden path: allowed to signed-in users too.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  constructor(private readonly gitops: GitopsPolicyOptions = {}) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, gitopsClusterRequestPermission)) {
      return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    return (
      gitopsPolicyDecision(request, user, this.gitops) ?? {
        result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      }
    );
  }
}
