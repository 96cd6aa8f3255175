import { EmulatorContext } from '../context';
import { listCommitShas, readCommit } from '../git/commits';
import { diffFiles } from '../git/diff';
import { ApiError, ApiRequest, notFound, ok } from '../http/api';
import { Router } from '../http/router';
import { repoCommitJson } from '../shapes/commits';
import {
  paginated,
  requireNotEmpty,
  requireRepo,
  trimSlashes,
} from './helpers';

async function listCommits(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  await requireNotEmpty(repo);
  const rev = request.query.get('sha') || (await repo.git.defaultBranch());
  const tip = await repo.git.resolve(rev);
  if (!tip) throw notFound();
  const path = trimSlashes(request.query.get('path') ?? '');
  const shas = await listCommitShas(repo.git, [tip], {
    path: path || undefined,
  });
  const page = paginated(ctx, request, shas);
  const commits = [];
  for (const sha of page.body as string[]) {
    commits.push(repoCommitJson(ctx, repo, await readCommit(repo.git, sha)));
  }
  return { ...page, body: commits };
}

async function getCommit(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  await requireNotEmpty(repo);
  const ref = trimSlashes(request.params.ref);
  const sha = await repo.git.resolve(ref);
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`);
  const commit = await readCommit(repo.git, sha);
  const files = await diffFiles(repo.git, commit.parents[0] ?? null, sha);
  return ok(repoCommitJson(ctx, repo, commit, files));
}

export function registerCommitRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  router
    .add('GET', '/repos/:owner/:repo/commits', request =>
      listCommits(ctx, request),
    )
    .add('GET', '/repos/:owner/:repo/commits/*ref', request =>
      getCommit(ctx, request),
    );
}
