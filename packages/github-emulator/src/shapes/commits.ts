import { EmulatorContext } from '../context';
import { GitCommit, GitIdentity } from '../git/commits';
import { FileChange } from '../git/diff';
import { RepoHandle } from '../repos';
import { nodeId, repoApiUrl, repoHtmlUrl, userJson } from './common';

const UNSIGNED = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
};

/**
 * `verified: true, reason: 'valid'` for commits an App made through the API
 * (GitHub signs those); the emulator keeps no signature text.
 */
function verificationJson(repo: RepoHandle, commit: GitCommit) {
  if (!repo.meta.verifiedCommits?.includes(commit.sha)) return UNSIGNED;
  return {
    verified: true,
    reason: 'valid',
    signature: null,
    payload: null,
    verified_at: commit.committer.date,
  };
}

function parentsJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  commit: GitCommit,
  kind: 'git' | 'repo',
) {
  return commit.parents.map(sha => ({
    sha,
    url:
      kind === 'git'
        ? `${repoApiUrl(ctx, repo)}/git/commits/${sha}`
        : `${repoApiUrl(ctx, repo)}/commits/${sha}`,
    html_url: `${repoHtmlUrl(ctx, repo)}/commit/${sha}`,
  }));
}

/** The Git Data API form (`/git/commits/{sha}`). */
export function gitCommitJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  commit: GitCommit,
) {
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${repoApiUrl(ctx, repo)}/git/commits/${commit.sha}`,
    html_url: `${repoHtmlUrl(ctx, repo)}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: {
      sha: commit.tree,
      url: `${repoApiUrl(ctx, repo)}/git/trees/${commit.tree}`,
    },
    message: commit.message,
    parents: parentsJson(ctx, repo, commit, 'git'),
    verification: verificationJson(repo, commit),
  };
}

/** The GitHub account behind a git identity: only the emulator's own user is known. */
function accountFor(ctx: EmulatorContext, identity: GitIdentity) {
  const known =
    identity.name === ctx.login ||
    identity.email === `${ctx.login}@users.noreply.github.com`;
  if (known) return userJson(ctx, ctx.login);
  // An App's bot: `<slug>[bot]` <`<appId>+<slug>[bot]@users.noreply.github.com`>.
  return identity.name.endsWith('[bot]') ? userJson(ctx, identity.name) : null;
}

export function fileJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  ref: string,
  change: FileChange,
) {
  const path = change.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: change.sha,
    filename: change.filename,
    status: change.status,
    additions: change.additions,
    deletions: change.deletions,
    changes: change.additions + change.deletions,
    blob_url: `${repoHtmlUrl(ctx, repo)}/blob/${ref}/${path}`,
    raw_url: `${repoHtmlUrl(ctx, repo)}/raw/${ref}/${path}`,
    contents_url: `${repoApiUrl(ctx, repo)}/contents/${path}?ref=${ref}`,
    ...(change.patch !== undefined ? { patch: change.patch } : {}),
    ...(change.previousFilename
      ? { previous_filename: change.previousFilename }
      : {}),
  };
}

/** The repos API form (`/commits/{ref}`); `files` only for the single-commit endpoint. */
export function repoCommitJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  commit: GitCommit,
  files?: FileChange[],
) {
  const json = {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${repoApiUrl(ctx, repo)}/commits/${commit.sha}`,
    html_url: `${repoHtmlUrl(ctx, repo)}/commit/${commit.sha}`,
    comments_url: `${repoApiUrl(ctx, repo)}/commits/${commit.sha}/comments`,
    commit: {
      url: `${repoApiUrl(ctx, repo)}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: {
        sha: commit.tree,
        url: `${repoApiUrl(ctx, repo)}/git/trees/${commit.tree}`,
      },
      comment_count: 0,
      verification: verificationJson(repo, commit),
    },
    author: accountFor(ctx, commit.author),
    committer: accountFor(ctx, commit.committer),
    parents: parentsJson(ctx, repo, commit, 'repo'),
  };
  if (!files) return json;
  const additions = files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
  return {
    ...json,
    stats: { total: additions + deletions, additions, deletions },
    files: files.map(file => fileJson(ctx, repo, commit.sha, file)),
  };
}
