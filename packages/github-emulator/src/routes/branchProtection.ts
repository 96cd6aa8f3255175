import { EmulatorContext } from '../context';
import { isoSeconds } from '../git/commits';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  noContent,
  notFound,
  ok,
} from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import { repoApiUrl } from '../shapes/common';
import { requireRepo } from './helpers';

/** Fields `PUT .../protection` requires (they may be null, not absent). */
const REQUIRED_FIELDS = [
  'required_status_checks',
  'enforce_admins',
  'required_pull_request_reviews',
  'restrictions',
];

async function protectedBranch(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const { branch } = request.params;
  if (!(await repo.git.getRef(`refs/heads/${branch}`))) {
    throw notFound('Branch not found');
  }
  const extras = ctx.store.extras(repo.meta);
  return { repo, branch, extras };
}

function enabled(url: string, value: unknown) {
  return { url, enabled: value === true };
}

/** GitHub's answer: the settings as sent, each with its URL, toggles as `{enabled}`. */
function protectionJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  branch: string,
  protection: Record<string, unknown>,
  signed: boolean,
) {
  const url = `${repoApiUrl(ctx, repo)}/branches/${branch}/protection`;
  const checks = protection.required_status_checks as {
    strict?: boolean;
    contexts?: string[];
  } | null;
  const reviews = protection.required_pull_request_reviews as Record<
    string,
    unknown
  > | null;
  return {
    url,
    ...(checks
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: checks.strict ?? false,
            contexts: checks.contexts ?? [],
            checks: (checks.contexts ?? []).map(context => ({
              context,
              app_id: null,
            })),
          },
        }
      : {}),
    ...(reviews
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: reviews.dismiss_stale_reviews ?? false,
            require_code_owner_reviews:
              reviews.require_code_owner_reviews ?? false,
            require_last_push_approval:
              reviews.require_last_push_approval ?? false,
            required_approving_review_count:
              reviews.required_approving_review_count ?? 1,
          },
        }
      : {}),
    enforce_admins: enabled(`${url}/enforce_admins`, protection.enforce_admins),
    required_signatures: enabled(`${url}/required_signatures`, signed),
    required_linear_history: { enabled: !!protection.required_linear_history },
    allow_force_pushes: { enabled: !!protection.allow_force_pushes },
    allow_deletions: { enabled: !!protection.allow_deletions },
    block_creations: { enabled: !!protection.block_creations },
    required_conversation_resolution: {
      enabled: !!protection.required_conversation_resolution,
    },
    lock_branch: { enabled: !!protection.lock_branch },
    ...(protection.restrictions
      ? { restrictions: protection.restrictions }
      : {}),
  };
}

/**
 * Branch protection is stored and reported; the emulator does not enforce
 * it on pushes or merges.
 */
export function registerBranchProtectionRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  // GitHub takes branch names with slashes here, as in `GET /branches/{branch}`.
  const path = '/repos/:owner/:repo/branches/*branch/protection';
  router
    .add('GET', path, async request => {
      const { repo, branch, extras } = await protectedBranch(ctx, request);
      const protection = extras.branchProtection[branch];
      if (!protection) throw notFound('Branch not protected');
      const signed = extras.requiredSignatures.includes(branch);
      return ok(protectionJson(ctx, repo, branch, protection, signed));
    })
    .add('PUT', path, async request => {
      const { repo, branch, extras } = await protectedBranch(ctx, request);
      const body = bodyObject(request);
      const missing = REQUIRED_FIELDS.filter(field => !(field in body));
      if (missing.length > 0) {
        throw new ApiError(
          422,
          `Invalid request.\n\n${missing
            .map(field => `"${field}" wasn't supplied.`)
            .join('\n')}`,
        );
      }
      extras.branchProtection[branch] = body;
      repo.meta.updatedAt = isoSeconds();
      ctx.store.save();
      const signed = extras.requiredSignatures.includes(branch);
      return ok(protectionJson(ctx, repo, branch, body, signed));
    })
    .add('DELETE', path, async request => {
      const { repo, branch, extras } = await protectedBranch(ctx, request);
      if (!extras.branchProtection[branch]) {
        throw notFound('Branch not protected');
      }
      delete extras.branchProtection[branch];
      extras.requiredSignatures = extras.requiredSignatures.filter(
        name => name !== branch,
      );
      repo.meta.updatedAt = isoSeconds();
      ctx.store.save();
      return noContent;
    })
    .add('POST', `${path}/required_signatures`, async request => {
      const { repo, branch, extras } = await protectedBranch(ctx, request);
      if (!extras.branchProtection[branch]) {
        throw notFound('Branch not protected');
      }
      if (!extras.requiredSignatures.includes(branch)) {
        extras.requiredSignatures.push(branch);
        ctx.store.save();
      }
      const url = `${repoApiUrl(ctx, repo)}/branches/${branch}/protection`;
      return ok(enabled(`${url}/required_signatures`, true));
    });
}
