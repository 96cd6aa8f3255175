import { EmulatorContext } from '../context';
import { diffFiles } from '../git/diff';
import { mergeTree } from '../git/merge';
import { RepoHandle } from '../repos';
import { IssueLikeMeta, PullMeta } from '../store/metadata';
import {
  labelJson,
  nodeId,
  ownerJson,
  repoApiUrl,
  repoHtmlUrl,
  repoJson,
  userJson,
} from './common';

/** The head sha of a PR: the live branch while open, the last known one after. */
export async function currentHeadSha(
  repo: RepoHandle,
  pull: PullMeta,
): Promise<string> {
  if (pull.state === 'open') {
    const ref = await repo.git.getRef(`refs/heads/${pull.headRef}`);
    if (ref) pull.headSha = ref.sha;
  }
  return pull.headSha;
}

export function teamJson(ctx: EmulatorContext, repo: RepoHandle, slug: string) {
  return {
    id: 0,
    node_id: nodeId('Team', slug),
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    permission: 'pull',
    url: `${ctx.urls.apiUrl}/orgs/${repo.owner}/teams/${slug}`,
    html_url: `${ctx.urls.url}/orgs/${repo.owner}/teams/${slug}`,
    parent: null,
  };
}

export function issueLabelsJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  issue: IssueLikeMeta,
) {
  return issue.labels
    .map(name => repo.meta.labels.find(label => label.name === name))
    .filter(label => label !== undefined)
    .map(label => labelJson(ctx, repo, label));
}

async function branchJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  ref: string,
  sha: string,
) {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: ownerJson(ctx, repo.owner),
    repo: repoJson(ctx, repo, await repo.git.defaultBranch()),
  };
}

/** Fields only the single-PR endpoints return (not the list). */
async function detailJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  pull: PullMeta,
  baseSha: string,
  headSha: string,
) {
  const open = pull.state === 'open';
  const mergeable = open
    ? (await mergeTree(repo.git, baseSha, headSha)) !== null
    : null;
  const mergeBase = (await repo.git.mergeBase(baseSha, headSha)) ?? baseSha;
  const files = await diffFiles(repo.git, mergeBase, headSha);
  let mergeableState = 'unknown';
  if (mergeable !== null) mergeableState = mergeable ? 'clean' : 'dirty';
  if (open && pull.draft) mergeableState = 'draft';
  return {
    merged: pull.mergedAt !== null,
    mergeable,
    rebaseable: mergeable,
    mergeable_state: mergeableState,
    merged_by: pull.mergedBy ? userJson(ctx, pull.mergedBy) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: await repo.git.countCommits(`${mergeBase}..${headSha}`),
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changed_files: files.length,
  };
}

export async function pullJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  pull: PullMeta,
  options: { detail: boolean },
) {
  const api = `${repoApiUrl(ctx, repo)}`;
  const html = `${repoHtmlUrl(ctx, repo)}/pull/${pull.number}`;
  const headSha = await currentHeadSha(repo, pull);
  const baseRef = await repo.git.getRef(`refs/heads/${pull.baseRef}`);
  const baseSha = baseRef?.sha ?? headSha;
  const json = {
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(ctx, pull.author),
    body: pull.body,
    labels: issueLabelsJson(ctx, repo, pull),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: pull.requestedReviewers.map(login =>
      userJson(ctx, login),
    ),
    requested_teams: pull.requestedTeams.map(slug => teamJson(ctx, repo, slug)),
    head: await branchJson(ctx, repo, pull.headRef, headSha),
    base: await branchJson(ctx, repo, pull.baseRef, baseSha),
    _links: {
      self: { href: `${api}/pulls/${pull.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      commits: { href: `${api}/pulls/${pull.number}/commits` },
    },
    author_association: 'OWNER',
    auto_merge: null,
    draft: pull.draft,
  };
  if (!options.detail) return json;
  return { ...json, ...(await detailJson(ctx, repo, pull, baseSha, headSha)) };
}
