import { EmulatorContext } from '../context';
import { ApiError, ApiRequest, ApiResponse } from '../http/api';
import { RepoHandle } from '../repos';

export function requireRepo(
  ctx: EmulatorContext,
  request: ApiRequest,
): RepoHandle {
  return ctx.repos.require(request.params.owner, request.params.repo);
}

/** GitHub answers 409 for most reads of a repository without commits. */
export async function requireNotEmpty(repo: RepoHandle): Promise<void> {
  if (await repo.git.isEmpty()) {
    throw new ApiError(409, 'Git Repository is empty.');
  }
}

/** Strips the slashes a path parameter may carry at either end. */
export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** Marks the repo as changed (`updated_at`, `pushed_at`) and persists metadata. */
export function touch(
  ctx: EmulatorContext,
  repo: RepoHandle,
  now: string,
): void {
  repo.meta.updatedAt = now;
  ctx.store.save();
}

/**
 * GitHub-style page/per_page slicing with a Link header, so Octokit's
 * paginate() walks the pages.
 */
export function paginated<T>(
  ctx: EmulatorContext,
  request: ApiRequest,
  items: T[],
): ApiResponse {
  const perPage = Math.min(
    Math.max(Number(request.query.get('per_page')) || 30, 1),
    100,
  );
  const page = Math.max(Number(request.query.get('page')) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const linkTo = (target: number) => {
    const url = new URL(request.rawUrl, ctx.urls.url);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    return url.toString();
  };
  const links: string[] = [];
  if (page < lastPage) {
    links.push(
      `<${linkTo(page + 1)}>; rel="next"`,
      `<${linkTo(lastPage)}>; rel="last"`,
    );
  }
  if (page > 1) {
    links.push(
      `<${linkTo(1)}>; rel="first"`,
      `<${linkTo(page - 1)}>; rel="prev"`,
    );
  }
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

/** Records that GitHub would show `sha` as verified (signed by GitHub for an App). */
export function markVerified(
  ctx: EmulatorContext,
  repo: RepoHandle,
  sha: string,
): void {
  const verified = (repo.meta.verifiedCommits ??= []);
  if (!verified.includes(sha)) verified.push(sha);
  ctx.store.save();
}
