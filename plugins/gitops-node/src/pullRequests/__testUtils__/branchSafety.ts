import { GithubClient } from '../../github/createGithubClient';
import { OpenConfigRepoPullRequestOptions } from '../openConfigRepoPullRequest';

/** The branch the safe-branch tests write. */
export const BRANCH = 'gitops/test/web-dev';

/** A validation-free docs change on {@link BRANCH}, with `overrides`. */
export function branchRequest(
  octokit: GithubClient,
  id: { owner: string; repo: string },
  overrides: Partial<OpenConfigRepoPullRequestOptions> = {},
): OpenConfigRepoPullRequestOptions {
  return {
    octokit,
    ...id,
    branch: BRANCH,
    title: 'Change notes',
    change: { files: { 'docs/notes.md': 'hello\n' } },
    validate: false,
    ...overrides,
  };
}

/** The SHA a branch points at. */
export async function headSha(
  octokit: GithubClient,
  id: { owner: string; repo: string },
  branch: string,
) {
  const ref = await octokit.git.getRef({ ...id, ref: `heads/${branch}` });
  return ref.data.object.sha;
}

/** A commit a person adds on top of `branch` (no portal trailer), as a push would. */
export async function personCommits(
  octokit: GithubClient,
  id: { owner: string; repo: string },
  branch: string,
  path = 'docs/person.md',
): Promise<string> {
  const head = await headSha(octokit, id, branch);
  const parent = await octokit.git.getCommit({ ...id, commit_sha: head });
  const tree = await octokit.git.createTree({
    ...id,
    base_tree: parent.data.tree.sha,
    tree: [{ path, mode: '100644', type: 'blob', content: 'mine\n' }],
  });
  const commit = await octokit.git.createCommit({
    ...id,
    message: 'Fix a typo by hand',
    tree: tree.data.sha,
    parents: [head],
  });
  await octokit.git.updateRef({
    ...id,
    ref: `heads/${branch}`,
    sha: commit.data.sha,
  });
  return commit.data.sha;
}
