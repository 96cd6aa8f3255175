/**
 * Writes to a config repo in the github-emulator through its REST API, as the portal's pull requests do. Plain
 * requests, not the portal's Octokit: its throttling spaces writes a second apart and pull requests and merges three
 * seconds apart (process-wide), which would make these fixtures most of a test's time.
 */
export function configRepoWriter(
  github: { url: string; token: string },
  repo: { owner: string; repo: string },
) {
  async function api(
    method: string,
    path: string,
    body?: unknown,
    okStatuses: number[] = [200, 201],
  ): Promise<any> {
    const response = await fetch(
      `${github.url}/repos/${repo.owner}/${repo.repo}${path}`,
      {
        method,
        headers: {
          authorization: `token ${github.token}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    const data = await response.json();
    if (!okStatuses.includes(response.status)) {
      throw new Error(`${method} ${path} answered ${response.status}`);
    }
    return data;
  }

  /** Commits one new file on `branch` (created from main when missing); returns the commit SHA. */
  async function commitFile(branch: string, path: string): Promise<string> {
    if (branch !== 'main') {
      const main = await api('GET', '/git/ref/heads/main');
      await api(
        'POST',
        '/git/refs',
        { ref: `refs/heads/${branch}`, sha: main.object.sha },
        [201, 422], // 422: the branch exists already
      );
    }
    const data = await api('PUT', `/contents/${path}`, {
      path,
      branch,
      message: `Change ${path}`,
      content: Buffer.from(`${branch}\n`).toString('base64'),
    });
    return data.commit.sha;
  }

  /** Opens a pull request changing `path` on `branch`; merges it unless told not to. */
  async function pullRequest(
    branch: string,
    path: string,
    merge = true,
  ): Promise<{ number: number; mergeCommit?: string }> {
    await commitFile(branch, path);
    const pull = await api('POST', '/pulls', {
      head: branch,
      base: 'main',
      title: `PR ${branch}`,
    });
    if (!merge) return { number: pull.number };
    const merged = await api('PUT', `/pulls/${pull.number}/merge`, {});
    return { number: pull.number, mergeCommit: merged.sha };
  }

  return { commitFile, pullRequest };
}
