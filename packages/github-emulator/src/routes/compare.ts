import { EmulatorContext } from '../context';
import { listCommitShas, readCommit } from '../git/commits';
import { diffFiles } from '../git/diff';
import { ApiRequest, notFound, ok } from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import { repoApiUrl, repoHtmlUrl } from '../shapes/common';
import { fileJson, repoCommitJson } from '../shapes/commits';
import { requireNotEmpty, requireRepo } from './helpers';

/** GitHub lists at most this many commits in a comparison. */
const MAX_COMMITS = 250;

/** `owner:branch` (a fork-style head) names a branch of this repo. */
function stripOwner(rev: string): string {
  const colon = rev.indexOf(':');
  return colon === -1 ? rev : rev.slice(colon + 1);
}

function compareStatus(aheadBy: number, behindBy: number) {
  if (aheadBy === 0 && behindBy === 0) return 'identical';
  if (behindBy === 0) return 'ahead';
  if (aheadBy === 0) return 'behind';
  return 'diverged';
}

async function compare(
  ctx: EmulatorContext,
  repo: RepoHandle,
  baseRev: string,
  headRev: string,
) {
  const [base, head] = await Promise.all([
    repo.git.resolve(baseRev),
    repo.git.resolve(headRev),
  ]);
  if (!base || !head) throw notFound();
  const mergeBase = await repo.git.mergeBase(base, head);
  if (!mergeBase)
    throw notFound(`No common ancestor between ${baseRev} and ${headRev}.`);
  const [aheadBy, behindBy, shas, files] = await Promise.all([
    repo.git.countCommits(`${base}..${head}`),
    repo.git.countCommits(`${head}..${base}`),
    listCommitShas(repo.git, [`${base}..${head}`], { reverse: true }),
    diffFiles(repo.git, mergeBase, head),
  ]);
  const commits = [];
  for (const sha of shas.slice(0, MAX_COMMITS)) {
    commits.push(repoCommitJson(ctx, repo, await readCommit(repo.git, sha)));
  }
  const basehead = `${baseRev}...${headRev}`;
  return {
    url: `${repoApiUrl(ctx, repo)}/compare/${basehead}`,
    html_url: `${repoHtmlUrl(ctx, repo)}/compare/${basehead}`,
    permalink_url: `${repoHtmlUrl(ctx, repo)}/compare/${base}...${head}`,
    diff_url: `${repoHtmlUrl(ctx, repo)}/compare/${basehead}.diff`,
    patch_url: `${repoHtmlUrl(ctx, repo)}/compare/${basehead}.patch`,
    base_commit: repoCommitJson(ctx, repo, await readCommit(repo.git, base)),
    merge_base_commit: repoCommitJson(
      ctx,
      repo,
      await readCommit(repo.git, mergeBase),
    ),
    status: compareStatus(aheadBy, behindBy),
    ahead_by: aheadBy,
    behind_by: behindBy,
    total_commits: aheadBy,
    commits,
    files: files.map(file => fileJson(ctx, repo, head, file)),
  };
}

export function registerCompareRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  router.add(
    'GET',
    '/repos/:owner/:repo/compare/*basehead',
    async (request: ApiRequest) => {
      const repo = requireRepo(ctx, request);
      await requireNotEmpty(repo);
      const separator = request.params.basehead.includes('...') ? '...' : '..';
      const [base, head] = request.params.basehead.split(separator);
      if (!base || !head) throw notFound();
      return ok(await compare(ctx, repo, stripOwner(base), stripOwner(head)));
    },
  );
}
