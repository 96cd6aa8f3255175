import { botIdentity, EmulatorContext } from '../context';
import {
  isoSeconds,
  listCommitShas,
  readCommit,
  writeCommit,
} from '../git/commits';
import { mergeTree, rebaseCommits } from '../git/merge';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  noContent,
  notFound,
  ok,
  optionalString,
  validationFailed,
} from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import { currentHeadSha } from '../shapes/pulls';
import { PullMeta } from '../store/metadata';
import { requireRepo, touch } from './helpers';
import { requirePull } from './pulls';

type MergeMethod = 'merge' | 'squash' | 'rebase';

const SETTING_BY_METHOD: Record<MergeMethod, [string, string]> = {
  merge: [
    'allow_merge_commit',
    'Merge commits are not allowed on this repository.',
  ],
  squash: [
    'allow_squash_merge',
    'Squash merges are not allowed on this repository.',
  ],
  rebase: [
    'allow_rebase_merge',
    'Rebase merges are not allowed on this repository.',
  ],
};

const notMergeable = () => new ApiError(405, 'Pull Request is not mergeable');

interface MergeInput {
  repo: RepoHandle;
  pull: PullMeta;
  method: MergeMethod;
  baseSha: string;
  headSha: string;
  title?: string;
  message?: string;
}

/** Writes the commit(s) a merge produces on top of the base; returns the new base tip. */
async function produceMerge(
  ctx: EmulatorContext,
  input: MergeInput,
): Promise<string> {
  const { repo, pull, baseSha, headSha } = input;
  const committer = botIdentity(ctx.login);
  if (input.method === 'rebase') {
    const shas = await listCommitShas(
      repo.git,
      [`${baseSha}..${headSha}`, '--no-merges'],
      { reverse: true },
    );
    const tip = await rebaseCommits(repo.git, baseSha, shas, committer);
    if (!tip) throw notMergeable();
    return tip;
  }
  const tree = await mergeTree(repo.git, baseSha, headSha);
  if (!tree) throw notMergeable();
  if (input.method === 'merge') {
    const title =
      input.title ??
      `Merge pull request #${pull.number} from ${repo.owner}/${pull.headRef}`;
    return writeCommit(repo.git, {
      tree,
      parents: [baseSha, headSha],
      message: `${title}\n\n${input.message ?? pull.title}`,
      author: committer,
    });
  }
  const shas = await listCommitShas(repo.git, [`${baseSha}..${headSha}`], {
    reverse: true,
  });
  const summaries = [];
  for (const sha of shas)
    summaries.push(`* ${(await readCommit(repo.git, sha)).message}`);
  const title = input.title ?? `${pull.title} (#${pull.number})`;
  return writeCommit(repo.git, {
    tree,
    parents: [baseSha],
    message: `${title}\n\n${input.message ?? summaries.join('\n\n')}`,
    author: committer,
  });
}

async function mergePull(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const pull = requirePull(repo, request.params.number);
  const body = bodyObject(request);
  const method = (optionalString(body, 'merge_method') ??
    'merge') as MergeMethod;
  if (!SETTING_BY_METHOD[method]) {
    throw validationFailed([
      { resource: 'PullRequest', field: 'merge_method', code: 'invalid' },
    ]);
  }
  if (pull.state !== 'open') throw notMergeable();
  if (pull.draft) throw new ApiError(405, 'Pull Request is still a draft');
  const [setting, refusal] = SETTING_BY_METHOD[method];
  if (repo.meta.settings[setting] === false) throw new ApiError(405, refusal);
  const headSha = await currentHeadSha(repo, pull);
  const expected = optionalString(body, 'sha');
  if (expected !== undefined && expected !== headSha) {
    throw new ApiError(
      409,
      'Head branch was modified. Review and try the merge again.',
    );
  }
  const baseRef = `refs/heads/${pull.baseRef}`;
  const base = await repo.git.getRef(baseRef);
  if (!base) throw notMergeable();
  const tip = await produceMerge(ctx, {
    repo,
    pull,
    method,
    baseSha: base.sha,
    headSha,
    title: optionalString(body, 'commit_title'),
    message: optionalString(body, 'commit_message'),
  });
  if (!(await repo.git.compareAndSwapRef(baseRef, tip, base.sha))) {
    throw new ApiError(
      409,
      'Base branch was modified. Review and try the merge again.',
    );
  }
  const now = isoSeconds();
  Object.assign(pull, {
    state: 'closed',
    closedAt: now,
    mergedAt: now,
    updatedAt: now,
    mergeCommitSha: tip,
    mergedBy: request.actor.login,
  });
  if (repo.meta.settings.delete_branch_on_merge === true) {
    await repo.git.deleteRef(`refs/heads/${pull.headRef}`, headSha);
  }
  touch(ctx, repo, now);
  return ok({
    sha: tip,
    merged: true,
    message: 'Pull Request successfully merged',
  });
}

export function registerMergeRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  const path = '/repos/:owner/:repo/pulls/:number/merge';
  router
    .add('PUT', path, request => mergePull(ctx, request))
    .add('GET', path, async request => {
      const repo = requireRepo(ctx, request);
      if (!requirePull(repo, request.params.number).mergedAt) throw notFound();
      return noContent;
    });
}
