import { RepoRef } from '../changes/baseSnapshot';
import { isGithubStatus, isUncertainWrite } from '../github/errors';

/** How the branch ended up pointing at the change: newly created, moved (force) to the new commit, or already carrying the same tree. */
export type BranchOutcome =
  | { kind: 'created'; commitSha: string }
  | { kind: 'moved'; commitSha: string }
  | { kind: 'current'; commitSha: string };

async function branchHead(repo: RepoRef, branch: string) {
  try {
    const ref = await repo.octokit.git.getRef({
      owner: repo.owner,
      repo: repo.repo,
      ref: `heads/${branch}`,
    });
    return ref.data.object.sha;
  } catch (error) {
    if (isGithubStatus(error, 404)) return undefined;
    throw error;
  }
}

/**
 * Points `branch` at `commitSha` (a commit on the base whose tree is `treeSha`).
 * Creates the ref; when it exists (a re-run, a concurrent run, or a create whose
 * 5xx hid success) re-reads it: the same tree means nothing to do, otherwise the
 * ref is force-moved to the new commit. The ref API is compare-and-swap, so two
 * concurrent runs leave the branch at exactly one of their commits.
 */
export async function ensureBranch(
  repo: RepoRef,
  branch: string,
  commitSha: string,
  treeSha: string,
): Promise<BranchOutcome> {
  const { octokit, owner } = repo;
  try {
    await octokit.git.createRef({
      owner,
      repo: repo.repo,
      ref: `refs/heads/${branch}`,
      sha: commitSha,
    });
    return { kind: 'created', commitSha };
  } catch (error) {
    const exists = isGithubStatus(error, 422, /already exists/i);
    if (!exists && !isUncertainWrite(error)) throw error;
  }
  const head = await branchHead(repo, branch);
  if (head === undefined) {
    throw new Error(
      `Could not create branch ${branch}; GitHub did not keep it`,
    );
  }
  if (head === commitSha) return { kind: 'created', commitSha };
  const current = await octokit.git.getCommit({
    owner,
    repo: repo.repo,
    commit_sha: head,
  });
  if (current.data.tree.sha === treeSha)
    return { kind: 'current', commitSha: head };
  await octokit.git.updateRef({
    owner,
    repo: repo.repo,
    ref: `heads/${branch}`,
    sha: commitSha,
    force: true,
  });
  return { kind: 'moved', commitSha };
}
