/**
 * Writes to a config repo in the github-emulator through plain REST requests, as a person would on GitHub: the
 * changes a test reads stand for work done outside the portal, so none of the portal's GitHub code makes them.
 */
export function configRepoRest(
  github: { url: string },
  token: string,
  repo: { owner: string; repo: string },
) {
  async function api(method: string, path: string, body?: unknown) {
    const response = await fetch(
      `${github.url}/repos/${repo.owner}/${repo.repo}${path}`,
      {
        method,
        headers: {
          authorization: `token ${token}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}`);
    }
    return response.json();
  }

  /** Writes one file on `branch` (created from main when missing) as one commit; returns its sha. */
  async function writeFile(
    branch: string,
    path: string,
    content: string,
    message: string,
  ): Promise<string> {
    if (branch !== 'main') {
      const main = await api('GET', '/git/ref/heads/main');
      await api('POST', '/git/refs', {
        ref: `refs/heads/${branch}`,
        sha: main.object.sha,
      }).catch(() => undefined); // the branch exists already
    }
    const existing = await api(
      'GET',
      `/contents/${path}?ref=${encodeURIComponent(branch)}`,
    ).catch(() => undefined);
    const data = await api('PUT', `/contents/${path}`, {
      message,
      branch,
      content: Buffer.from(content).toString('base64'),
      ...(existing?.sha ? { sha: existing.sha } : {}),
    });
    return data.commit.sha;
  }

  /** A pull request into main writing one file, left open; returns its number and head commit. */
  async function openPullRequest(
    branch: string,
    path: string,
    content: string,
    title: string,
  ) {
    const head = await writeFile(branch, path, content, title);
    const pull = await api('POST', '/pulls', {
      head: branch,
      base: 'main',
      title,
    });
    return { number: pull.number as number, head };
  }

  /** A pull request writing one file, merged; returns its number, head commit and merge commit. */
  async function mergedPullRequest(
    branch: string,
    path: string,
    content: string,
    title: string,
  ) {
    const pull = await openPullRequest(branch, path, content, title);
    const merged = await api('PUT', `/pulls/${pull.number}/merge`, {});
    return { ...pull, mergeCommit: merged.sha as string };
  }

  return { writeFile, openPullRequest, mergedPullRequest };
}
