import { OperatorHarness } from './operatorHarness';

/** A pull request as the GitHub emulator returns it: what the preview generators read. */
export interface OpenedPullRequest {
  number: number;
  head: { sha: string };
}

/** A service's own repository in the GitHub emulator, where a developer opens and closes pull requests. */
export class ServiceRepo {
  private constructor(
    private readonly h: OperatorHarness,
    private readonly path: string,
  ) {}

  /** Creates the repository with a README on main. */
  static async create(h: OperatorHarness, owner: string, repo: string) {
    await h.sandbox.github.createRepo(owner, repo, {
      defaultBranch: 'main',
      files: { 'README.md': `# ${repo}\n` },
    });
    return new ServiceRepo(h, `/repos/${owner}/${repo}`);
  }

  private api(path: string, init: RequestInit = {}) {
    return fetch(`${this.h.sandbox.github.apiUrl}${this.path}${path}`, {
      ...init,
      headers: {
        authorization: `token ${this.h.githubToken}`,
        'content-type': 'application/json',
      },
    });
  }

  /** A branch with one commit and a pull request of it (with `labels`), as a developer opens one. */
  async openPullRequest(
    branch: string,
    labels: string[] = [],
  ): Promise<OpenedPullRequest> {
    const main = await this.api('/git/ref/heads/main').then(r => r.json());
    await this.api('/git/refs', {
      method: 'POST',
      body: JSON.stringify({
        ref: `refs/heads/${branch}`,
        sha: main.object.sha,
      }),
    });
    await this.api(`/contents/${branch}.txt`, {
      method: 'PUT',
      body: JSON.stringify({
        message: branch,
        content: Buffer.from(branch).toString('base64'),
        branch,
      }),
    });
    const pull = await this.api('/pulls', {
      method: 'POST',
      body: JSON.stringify({ title: branch, head: branch, base: 'main' }),
    }).then(r => r.json());
    if (labels.length > 0)
      await this.api(`/issues/${pull.number}/labels`, {
        method: 'POST',
        body: JSON.stringify({ labels }),
      });
    return pull;
  }

  async closePullRequest(number: number) {
    await this.api(`/pulls/${number}`, {
      method: 'PATCH',
      body: JSON.stringify({ state: 'closed' }),
    });
  }
}
