import { EmulatorContext } from '../context';
import { readCommit } from '../git/commits';
import { ApiError, ApiRequest } from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import { PullMeta } from '../store/metadata';
import { currentHeadSha, pullJson } from '../shapes/pulls';
import { paginated, requireNotEmpty, requireRepo } from './helpers';

/** Where a pull request's commits start: the merge commit's first parent once merged, else its base branch. */
async function basePoint(
  repo: RepoHandle,
  pull: PullMeta,
): Promise<string | undefined> {
  if (pull.mergeCommitSha) {
    return (await readCommit(repo.git, pull.mergeCommitSha)).parents[0];
  }
  return (await repo.git.getRef(`refs/heads/${pull.baseRef}`))?.sha;
}

/** Whether `sha` is the pull request's merge commit or one of the commits it brings. */
async function brings(
  repo: RepoHandle,
  pull: PullMeta,
  sha: string,
): Promise<boolean> {
  if (pull.mergeCommitSha === sha) return true;
  const head = await currentHeadSha(repo, pull);
  if (!(await repo.git.isAncestor(sha, head))) return false;
  const base = await basePoint(repo, pull);
  return !base || !(await repo.git.isAncestor(sha, base));
}

/**
 * `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls` as GitHub documents it: for a commit on the default branch,
 * the merged pull requests that introduced it; for another commit, the open pull requests that contain it.
 */
async function pullsOfCommit(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  await requireNotEmpty(repo);
  const ref = request.params.commit_sha;
  const sha = await repo.git.resolve(ref);
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`);
  const tip = await repo.git.resolve(await repo.git.defaultBranch());
  const onDefault = !!tip && (await repo.git.isAncestor(sha, tip));
  const pulls: PullMeta[] = [];
  for (const pull of repo.meta.pulls) {
    const eligible = onDefault ? !!pull.mergedAt : pull.state === 'open';
    if (eligible && (await brings(repo, pull, sha))) pulls.push(pull);
  }
  pulls.sort((a, b) => b.number - a.number);
  const page = paginated(ctx, request, pulls);
  const items = [];
  for (const pull of page.body as PullMeta[]) {
    items.push(await pullJson(ctx, repo, pull, { detail: false }));
  }
  return { ...page, body: items };
}

/** Registered before the commit routes: `commits/*ref` would otherwise read `<sha>/pulls` as a ref. */
export function registerCommitPullRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  router.add('GET', '/repos/:owner/:repo/commits/:commit_sha/pulls', request =>
    pullsOfCommit(ctx, request),
  );
}
