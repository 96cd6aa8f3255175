import { EmulatorContext } from '../context';
import { isoSeconds, listCommitShas, readCommit } from '../git/commits';
import { diffFiles } from '../git/diff';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  notFound,
  ok,
  optionalBoolean,
  optionalString,
  requiredString,
  validationFailed,
} from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import { fileJson, repoCommitJson } from '../shapes/commits';
import { currentHeadSha, pullJson } from '../shapes/pulls';
import { PullMeta } from '../store/metadata';
import { paginated, requireRepo, touch } from './helpers';

export function requirePull(repo: RepoHandle, number: string): PullMeta {
  const pull = repo.meta.pulls.find(
    candidate => String(candidate.number) === number,
  );
  if (!pull) throw notFound();
  return pull;
}

/** `owner:branch` or `branch`; a head in another owner's fork is not supported. */
function headBranch(repo: RepoHandle, head: string): string | null {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  return head.slice(0, colon) === repo.owner ? head.slice(colon + 1) : null;
}

function customError(message: string) {
  return validationFailed([
    { resource: 'PullRequest', code: 'custom', message },
  ]);
}

function assertNoOpenDuplicate(
  repo: RepoHandle,
  headRef: string,
  baseRef: string,
  self?: number,
) {
  const duplicate = repo.meta.pulls.find(
    pull =>
      pull.state === 'open' &&
      pull.headRef === headRef &&
      pull.baseRef === baseRef &&
      pull.number !== self,
  );
  if (duplicate)
    throw customError(
      `A pull request already exists for ${repo.owner}:${headRef}.`,
    );
}

async function createPull(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const title = requiredString(body, 'title');
  const headRef = headBranch(repo, requiredString(body, 'head'));
  const baseRef = requiredString(body, 'base');
  const head = headRef ? await repo.git.getRef(`refs/heads/${headRef}`) : null;
  if (!headRef || !head) {
    throw validationFailed([
      { resource: 'PullRequest', field: 'head', code: 'invalid' },
    ]);
  }
  const base = await repo.git.getRef(`refs/heads/${baseRef}`);
  if (!base)
    throw validationFailed([
      { resource: 'PullRequest', field: 'base', code: 'invalid' },
    ]);
  assertNoOpenDuplicate(repo, headRef, baseRef);
  if ((await repo.git.countCommits(`${base.sha}..${head.sha}`)) === 0) {
    throw customError(`No commits between ${baseRef} and ${headRef}`);
  }
  // Checked again with no await before the insert, so concurrent creates cannot both pass.
  assertNoOpenDuplicate(repo, headRef, baseRef);
  const now = isoSeconds();
  const pull: PullMeta = {
    id: ctx.store.nextId(),
    number: ctx.store.nextNumber(repo.meta),
    title,
    body: optionalString(body, 'body') ?? null,
    state: 'open',
    draft: optionalBoolean(body, 'draft') ?? false,
    author: request.actor.login,
    labels: [],
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    headRef,
    headSha: head.sha,
    baseRef,
    mergedAt: null,
    mergeCommitSha: null,
    mergedBy: null,
    requestedReviewers: [],
    requestedTeams: [],
  };
  repo.meta.pulls.push(pull);
  touch(ctx, repo, now);
  return ok(await pullJson(ctx, repo, pull, { detail: true }), 201);
}

async function listPulls(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const state = request.query.get('state') ?? 'open';
  const head = request.query.get('head');
  const headRef = head ? headBranch(repo, head) : undefined;
  const base = request.query.get('base');
  const pulls = repo.meta.pulls.filter(
    pull =>
      (state === 'all' || pull.state === state) &&
      (headRef === undefined || pull.headRef === headRef) &&
      (!base || pull.baseRef === base),
  );
  const sortKey =
    request.query.get('sort') === 'updated' ? 'updatedAt' : 'number';
  const ascending = request.query.get('direction') === 'asc';
  pulls.sort((a, b) => {
    const order = a[sortKey] < b[sortKey] ? -1 : 1;
    return ascending ? order : -order;
  });
  const page = paginated(ctx, request, pulls);
  const items = [];
  for (const pull of page.body as PullMeta[]) {
    items.push(await pullJson(ctx, repo, pull, { detail: false }));
  }
  return { ...page, body: items };
}

async function updatePull(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const pull = requirePull(repo, request.params.number);
  const body = bodyObject(request);
  const now = isoSeconds();
  const state = optionalString(body, 'state');
  if (state !== undefined && state !== 'open' && state !== 'closed') {
    throw validationFailed([
      { resource: 'PullRequest', field: 'state', code: 'invalid' },
    ]);
  }
  const baseRef = optionalString(body, 'base');
  if (
    baseRef !== undefined &&
    !(await repo.git.getRef(`refs/heads/${baseRef}`))
  ) {
    throw validationFailed([
      { resource: 'PullRequest', field: 'base', code: 'invalid' },
    ]);
  }
  if (state === 'open' && pull.state === 'closed') {
    if (pull.mergedAt)
      throw new ApiError(422, 'Cannot reopen a merged pull request.');
    assertNoOpenDuplicate(
      repo,
      pull.headRef,
      baseRef ?? pull.baseRef,
      pull.number,
    );
    pull.closedAt = null;
  }
  if (state === 'closed' && pull.state === 'open') {
    await currentHeadSha(repo, pull);
    pull.closedAt = now;
  }
  pull.state = state ?? pull.state;
  pull.title = optionalString(body, 'title') ?? pull.title;
  if ('body' in body) pull.body = optionalString(body, 'body') ?? null;
  pull.baseRef = baseRef ?? pull.baseRef;
  pull.updatedAt = now;
  touch(ctx, repo, now);
  return ok(await pullJson(ctx, repo, pull, { detail: true }));
}

/** The commits and files a PR brings: from the merge base with its base branch to its head. */
async function pullRange(repo: RepoHandle, pull: PullMeta) {
  const head = await currentHeadSha(repo, pull);
  const base =
    (await repo.git.getRef(`refs/heads/${pull.baseRef}`))?.sha ?? head;
  return { head, mergeBase: (await repo.git.mergeBase(base, head)) ?? base };
}

export function registerPullRoutes(router: Router, ctx: EmulatorContext): void {
  router
    .add('POST', '/repos/:owner/:repo/pulls', request =>
      createPull(ctx, request),
    )
    .add('GET', '/repos/:owner/:repo/pulls', request => listPulls(ctx, request))
    .add('GET', '/repos/:owner/:repo/pulls/:number', async request => {
      const repo = requireRepo(ctx, request);
      const pull = requirePull(repo, request.params.number);
      return ok(await pullJson(ctx, repo, pull, { detail: true }));
    })
    .add('PATCH', '/repos/:owner/:repo/pulls/:number', request =>
      updatePull(ctx, request),
    )
    .add('GET', '/repos/:owner/:repo/pulls/:number/files', async request => {
      const repo = requireRepo(ctx, request);
      const { head, mergeBase } = await pullRange(
        repo,
        requirePull(repo, request.params.number),
      );
      const files = await diffFiles(repo.git, mergeBase, head);
      return paginated(
        ctx,
        request,
        files.map(file => fileJson(ctx, repo, head, file)),
      );
    })
    .add('GET', '/repos/:owner/:repo/pulls/:number/commits', async request => {
      const repo = requireRepo(ctx, request);
      const { head, mergeBase } = await pullRange(
        repo,
        requirePull(repo, request.params.number),
      );
      const shas = await listCommitShas(repo.git, [`${mergeBase}..${head}`], {
        reverse: true,
      });
      const commits = [];
      for (const sha of shas)
        commits.push(
          repoCommitJson(ctx, repo, await readCommit(repo.git, sha)),
        );
      return paginated(ctx, request, commits);
    });
}
