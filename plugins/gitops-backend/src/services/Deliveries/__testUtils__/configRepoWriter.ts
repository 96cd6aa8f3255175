import { configRepoRest } from '../../../__testUtils__/configRepoRest';

/**
 * The commits, pull requests and merges a delivery history is read from, written to a config repo in the
 * github-emulator by `configRepoRest` (plain REST requests, standing for what people and CI do on GitHub). Each
 * commit writes `<branch>` into its file.
 */
export function configRepoWriter(
  github: { url: string; token: string },
  repo: { owner: string; repo: string },
) {
  const rest = configRepoRest(github, github.token, repo);

  /** Commits one file on `branch` (created from main when missing); returns the commit SHA. */
  const commitFile = (branch: string, path: string): Promise<string> =>
    rest.writeFile(branch, path, `${branch}\n`, `Change ${path}`);

  /** Opens a pull request changing `path` on `branch`; merges it unless told not to. */
  async function pullRequest(
    branch: string,
    path: string,
    merge = true,
  ): Promise<{ number: number; mergeCommit?: string }> {
    const title = `PR ${branch}`;
    return merge
      ? rest.mergedPullRequest(branch, path, `${branch}\n`, title)
      : rest.openPullRequest(branch, path, `${branch}\n`, title);
  }

  return { commitFile, pullRequest };
}
