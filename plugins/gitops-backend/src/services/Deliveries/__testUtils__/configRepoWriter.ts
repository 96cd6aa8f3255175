import type { GithubClient } from '@gitops-portal/plugin-gitops-node';

/** Writes to a config repo in the github-emulator through the REST API, as the portal's pull requests do. */
export function configRepoWriter(
  octokit: GithubClient,
  repo: { owner: string; repo: string },
) {
  /** Commits one new file on `branch` (created from main when missing); returns the commit SHA. */
  async function commitFile(branch: string, path: string): Promise<string> {
    if (branch !== 'main') {
      const main = await octokit.git.getRef({ ...repo, ref: 'heads/main' });
      await octokit.git
        .createRef({
          ...repo,
          ref: `refs/heads/${branch}`,
          sha: main.data.object.sha,
        })
        .catch(() => undefined); // the branch exists already
    }
    const { data } = await octokit.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch,
      message: `Change ${path}`,
      content: Buffer.from(`${branch}\n`).toString('base64'),
    });
    return data.commit.sha!;
  }

  /** Opens a pull request changing `path` on `branch`; merges it unless told not to. */
  async function pullRequest(
    branch: string,
    path: string,
    merge = true,
  ): Promise<{ number: number; mergeCommit?: string }> {
    await commitFile(branch, path);
    const { data: pull } = await octokit.pulls.create({
      ...repo,
      head: branch,
      base: 'main',
      title: `PR ${branch}`,
    });
    if (!merge) return { number: pull.number };
    const { data } = await octokit.pulls.merge({
      ...repo,
      pull_number: pull.number,
    });
    return { number: pull.number, mergeCommit: data.sha };
  }

  return { commitFile, pullRequest };
}
