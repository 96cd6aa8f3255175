import { ConflictError } from '@backstage/errors';
import { RepoRef } from '../changes/baseSnapshot';
import { isGithubStatus, isUncertainWrite } from '../github/errors';
import { isPortalCommit, portalCommitMessage } from './portalCommits';

/** How the branch ended up carrying the change: newly created, moved forward to a new commit, or already carrying the same tree. */
export type BranchOutcome =
  | { kind: 'created'; commitSha: string }
  | { kind: 'moved'; commitSha: string }
  | { kind: 'current'; commitSha: string };

export interface BranchCommit {
  branch: string;
  /** The base branch's head the change was computed on. */
  baseSha: string;
  /** The tree with the change (the base tree plus the edits). */
  treeSha: string;
  message: string;
}

/** Concurrent writers each move the branch forward at most once per attempt; a few attempts settle any real race. */
const MAX_MOVE_ATTEMPTS = 3;

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

async function writeCommit(
  repo: RepoRef,
  change: BranchCommit,
  parents: string[],
): Promise<string> {
  const { data } = await repo.octokit.git.createCommit({
    owner: repo.owner,
    repo: repo.repo,
    message: portalCommitMessage(change.message, change.treeSha),
    tree: change.treeSha,
    parents,
  });
  return data.sha;
}

/**
 * The commits on the branch that are not on the base; throws a ConflictError
 * naming the first one the portal did not write (see `portalCommits.ts`).
 */
async function portalCommitsSinceBase(
  repo: RepoRef,
  change: BranchCommit,
  head: string,
) {
  const { data } = await repo.octokit.repos.compareCommitsWithBasehead({
    owner: repo.owner,
    repo: repo.repo,
    basehead: `${change.baseSha}...${head}`,
  });
  // GitHub lists at most 250 commits; what it leaves out cannot be checked.
  if (data.ahead_by > data.commits.length) {
    throw new ConflictError(
      `branch "${change.branch}" has ${data.ahead_by} commits beyond the base, too many to check that the portal wrote them; close its pull request or rename the branch`,
    );
  }
  const foreign = data.commits.find(c => !isPortalCommit(c.commit));
  if (foreign) {
    throw new ConflictError(
      `branch "${change.branch}" has commit ${foreign.sha.slice(
        0,
        12,
      )} that the portal did not write; the portal does not overwrite it. Merge or close that pull request, or use another branch`,
    );
  }
  return data.commits;
}

/**
 * Points `branch` at a commit carrying `treeSha`, never dropping a commit the
 * portal did not write. A new branch gets one commit on the base. An existing
 * branch (a re-run, a concurrent run, or a create whose 5xx hid success) is
 * checked first: every commit on it since the base must be the portal's, or
 * the run stops with a ConflictError. The same tree means nothing to do.
 * Otherwise the branch moves forward, without force, to a commit whose
 * parents are the base and the old head, so the pull request shows exactly
 * the change and the old head stays in history. GitHub refuses a non-forced
 * move that is not a fast-forward, so a commit pushed between the check and
 * the move is never lost: the next attempt sees and checks it.
 */
export async function ensureBranch(
  repo: RepoRef,
  change: BranchCommit,
): Promise<BranchOutcome> {
  const { octokit, owner } = repo;
  const { branch } = change;
  const commitSha = await writeCommit(repo, change, [change.baseSha]);
  /** GitHub said the branch existed before this run (not a 5xx that may hide our own create). */
  let existed = false;
  try {
    await octokit.git.createRef({
      owner,
      repo: repo.repo,
      ref: `refs/heads/${branch}`,
      sha: commitSha,
    });
    return { kind: 'created', commitSha };
  } catch (error) {
    existed = isGithubStatus(error, 422, /already exists/i);
    if (!existed && !isUncertainWrite(error)) throw error;
  }
  for (let attempt = 1; ; attempt++) {
    const head = await branchHead(repo, branch);
    if (head === undefined) {
      throw new Error(
        `Could not create branch ${branch}; GitHub did not keep it`,
      );
    }
    // Our commit at the head: a hidden create of ours, or (the branch existed) an earlier run of the same request
    // in the same second, whose commit is identical to ours (same tree, parent, message and timestamps).
    if (head === commitSha) {
      return { kind: existed ? 'current' : 'created', commitSha };
    }
    const commits = await portalCommitsSinceBase(repo, change, head);
    const tip = commits.find(c => c.sha === head);
    if (tip?.commit.tree.sha === change.treeSha) {
      return { kind: 'current', commitSha: head };
    }
    // A branch with nothing beyond the base moves forward onto the base; otherwise the old head is kept as a parent.
    const parents =
      commits.length === 0 ? [change.baseSha] : [change.baseSha, head];
    const moved = await writeCommit(repo, change, parents);
    try {
      await octokit.git.updateRef({
        owner,
        repo: repo.repo,
        ref: `heads/${branch}`,
        sha: moved,
        force: false,
      });
      return { kind: 'moved', commitSha: moved };
    } catch (error) {
      // A 5xx may hide a move that happened.
      if (
        isUncertainWrite(error) &&
        (await branchHead(repo, branch)) === moved
      ) {
        return { kind: 'moved', commitSha: moved };
      }
      const raced = isGithubStatus(error, 422, /fast.?forward/i);
      if (!raced || attempt >= MAX_MOVE_ATTEMPTS) {
        if (raced) {
          throw new ConflictError(
            `branch "${branch}" kept changing while the portal updated it; try again`,
          );
        }
        throw error;
      }
    }
  }
}
