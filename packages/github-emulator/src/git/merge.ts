import { GitCommit, NewCommit, readCommit, writeCommit } from './commits';
import { EMPTY_TREE } from './diff';
import { GitRepo } from './repo';
import { runGit } from './run';

/** The tree of a three-way merge of two commits, or null on a conflict. */
export async function mergeTree(
  repo: GitRepo,
  ours: string,
  theirs: string,
): Promise<string | null> {
  const result = await runGit(
    repo.path,
    ['merge-tree', '--write-tree', '--no-messages', ours, theirs],
    { okCodes: [0, 1] },
  );
  if (result.exitCode !== 0) return null;
  return result.stdout.toString('utf8').split('\n')[0].trim();
}

const SCRATCH_IDENTITY = {
  name: 'github-emulator',
  email: 'emulator@localhost',
};

/**
 * The tree of cherry-picking `commit` onto `onto`. git 2.39's merge-tree has
 * no --merge-base, so two scratch commits are given the picked commit's parent
 * as their only parent, which makes that parent the merge base.
 */
async function cherryPickTree(
  repo: GitRepo,
  onto: GitCommit,
  commit: GitCommit,
): Promise<string | null> {
  const parents = commit.parents.length > 0 ? [commit.parents[0]] : [];
  if (parents.length === 0) {
    parents.push(
      await writeCommit(repo, {
        tree: EMPTY_TREE,
        parents: [],
        message: 'scratch',
        author: SCRATCH_IDENTITY,
      }),
    );
  }
  const scratch = (tree: string) =>
    writeCommit(repo, {
      tree,
      parents,
      message: 'scratch',
      author: SCRATCH_IDENTITY,
    });
  return mergeTree(repo, await scratch(onto.tree), await scratch(commit.tree));
}

/**
 * Replays `shas` (oldest first) onto `ontoSha`, keeping each commit's author
 * and message; returns the new tip, or null on a conflict.
 */
export async function rebaseCommits(
  repo: GitRepo,
  ontoSha: string,
  shas: string[],
  committer: NewCommit['author'],
): Promise<string | null> {
  let tip = await readCommit(repo, ontoSha);
  for (const sha of shas) {
    const commit = await readCommit(repo, sha);
    const tree = await cherryPickTree(repo, tip, commit);
    if (!tree) return null;
    const next = await writeCommit(repo, {
      tree,
      parents: [tip.sha],
      message: commit.message,
      author: commit.author,
      committer,
    });
    tip = await readCommit(repo, next);
  }
  return tip.sha;
}
