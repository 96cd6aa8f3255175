import { KUBECTL, recordingLogger, useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import {
  openConfigRepoPullRequest,
  OpenConfigRepoPullRequestOptions,
} from './openConfigRepoPullRequest';
import { GithubClient } from '../github/createGithubClient';

describe('openConfigRepoPullRequest', () => {
  const github = useGithub();

  function request(
    octokit: GithubClient,
    id: { owner: string; repo: string },
    overrides: Partial<OpenConfigRepoPullRequestOptions> = {},
  ): OpenConfigRepoPullRequestOptions {
    return {
      octokit,
      ...id,
      branch: 'gitops/test/web-dev',
      title: 'Change web in dev',
      body: 'Requested from the portal.',
      change: { files: { 'docs/notes.md': 'hello\n' } },
      validate: { kubectlPath: KUBECTL },
      ...overrides,
    };
  }

  it('opens a PR for N files with one createTree call and at most 8 calls in total', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();
    const files = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [
        `docs/page-${i}.md`,
        `# page ${i}\n`,
      ]),
    );
    const result = await openConfigRepoPullRequest(
      request(octokit, id, { change: { files } }),
    );
    expect(result.status).toBe('opened');
    expect(
      calls.filter(c => c.startsWith('POST /repos/{owner}/{repo}/git/trees')),
    ).toHaveLength(1);
    expect(calls).toEqual([
      'GET /repos/{owner}/{repo}',
      'GET /repos/{owner}/{repo}/branches/{branch}',
      'GET /repos/{owner}/{repo}/git/ref/{ref}',
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/refs',
      'POST /repos/{owner}/{repo}/pulls',
    ]);
    expect(
      await github.readFromClone(id, result.branch, 'docs/page-24.md'),
    ).toBe('# page 24\n');
  });

  it('sets title, body, draft, labels and reviewers on the new PR', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      request(octokit, id, {
        labels: ['gitops', 'env:dev'],
        reviewers: ['alice'],
        teamReviewers: ['payments'],
        draft: true,
      }),
    );
    const { data: pull } = await octokit.pulls.get({
      ...id,
      pull_number: result.number!,
    });
    expect(pull).toMatchObject({
      title: 'Change web in dev',
      draft: true,
      head: { ref: 'gitops/test/web-dev' },
    });
    expect(pull.body).toContain('Requested from the portal.');
    expect(pull.labels.map(l => l.name).sort()).toEqual(['env:dev', 'gitops']);
    expect(pull.requested_reviewers?.map(r => r.login)).toEqual(['alice']);
    expect(pull.requested_teams?.map(t => t.slug)).toEqual(['payments']);
  });

  it('opens the PR and returns a warning when GitHub refuses a reviewer', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    // The emulator's authenticated user authors the PR; GitHub refuses the author as reviewer.
    const result = await openConfigRepoPullRequest(
      request(octokit, id, { reviewers: ['gitops-bot'] }),
    );
    expect(result.status).toBe('opened');
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^Could not request reviewers on #\d+: GitHub answered 422/,
      ),
    ]);
    expect(await github.pulls(id)).toHaveLength(1);
  });

  it('deletes files', async () => {
    const id = await github.newRepo({
      ...seededRepoFiles(),
      'docs/old.md': 'old\n',
    });
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      request(octokit, id, { change: { files: { 'docs/old.md': null } } }),
    );
    expect(result.changedFiles).toEqual(['docs/old.md']);
    expect(
      await github.readFromClone(id, result.branch, 'docs/old.md'),
    ).toBeUndefined();
    expect(await github.readFromClone(id, result.branch, 'README.md')).toBe(
      '# gitops-config\n',
    );
  });

  it('a YAML edit keeps the comments and formatting of untouched parts', async () => {
    const files = seededRepoFiles();
    const path = 'apps/web/overlays/dev/kustomization.yaml';
    files[path] = `# dev overlay: owned by payments\n${files[path].replace(
      'replicas:',
      '# pinned by CI\nreplicas:',
    )}`;
    const id = await github.newRepo(files);
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      request(octokit, id, {
        change: {
          yamlEdits: [
            { path, edit: doc => doc.setIn(['images', 0, 'newTag'], '1.5.0') },
          ],
        },
      }),
    );
    const text = await github.readFromClone(id, result.branch, path);
    expect(text).toBe(files[path].replace('newTag: 1.4.0', 'newTag: 1.5.0'));
  });

  it('a re-run with the same request reports unchanged and keeps the one PR', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const first = await openConfigRepoPullRequest(request(octokit, id));
    const second = await openConfigRepoPullRequest(request(octokit, id));
    expect(second).toMatchObject({
      status: 'unchanged',
      number: first.number,
      commitSha: first.commitSha,
    });
    expect(await github.pulls(id)).toHaveLength(1);
  });

  it('a re-run with a different change updates the same PR and moves the branch', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const first = await openConfigRepoPullRequest(request(octokit, id));
    const second = await openConfigRepoPullRequest(
      request(octokit, id, {
        title: 'Second try',
        change: { files: { 'docs/notes.md': 'hello again\n' } },
      }),
    );
    expect(second).toMatchObject({ status: 'updated', number: first.number });
    expect(second.commitSha).not.toBe(first.commitSha);
    expect(await github.headOf(id, first.branch)).toBe(second.commitSha);
    const pulls = await github.pulls(id);
    expect(pulls.map(p => p.title)).toEqual(['Second try']);
  });

  it('an empty change opens nothing and says so', async () => {
    const files = seededRepoFiles();
    const id = await github.newRepo(files);
    const { octokit, calls } = await github.client();
    const result = await openConfigRepoPullRequest(
      request(octokit, id, {
        change: {
          files: { 'README.md': files['README.md'], 'docs/missing.md': null },
        },
      }),
    );
    expect(result).toMatchObject({ status: 'empty', changedFiles: [] });
    expect(result.number).toBeUndefined();
    expect(calls.every(c => c.startsWith('GET '))).toBe(true);
    expect(await github.headOf(id, 'gitops/test/web-dev')).toBeUndefined();
    expect(await github.pulls(id)).toHaveLength(0);
  });

  it.each([
    ['createRef', 'git/refs', 3],
    ['createPull', '/pulls', 3],
    ['createRef', 'git/refs', 0],
    ['createPull', '/pulls', 0],
  ])(
    'converges to one PR after %s answers 502 although the write happened (%i 5xx retries)',
    async (_name, path, maxServerErrorRetries) => {
      const id = await github.newRepo(seededRepoFiles());
      const { octokit } = await github.client(undefined, {
        maxServerErrorRetries,
      });
      github.emulator.addFault({
        type: 'error-after-write',
        status: 502,
        match: { method: 'POST', path },
      });
      const result = await openConfigRepoPullRequest(request(octokit, id));
      expect(result.status).toBe('opened');
      const pulls = await github.pulls(id);
      expect(pulls.map(p => p.number)).toEqual([result.number]);
      expect(await github.headOf(id, result.branch)).toBe(result.commitSha);
    },
  );

  it('deletes a whole directory', async () => {
    const id = await github.newRepo({
      ...seededRepoFiles(),
      'docs/a/one.md': '1\n',
      'docs/a/two.md': '2\n',
    });
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      request(octokit, id, { change: { files: { 'docs/a': null } } }),
    );
    expect(result.changedFiles).toEqual(['docs/a/one.md', 'docs/a/two.md']);
    expect(
      await github.readFromClone(id, result.branch, 'docs/a/one.md'),
    ).toBeUndefined();
  });

  it('two concurrent runs on one branch leave one PR and the branch at one of their commits', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const a = await github.client();
    const b = await github.client();
    const results = await Promise.all([
      openConfigRepoPullRequest(
        request(a.octokit, id, {
          change: { files: { 'docs/notes.md': 'from a\n' } },
        }),
      ),
      openConfigRepoPullRequest(
        request(b.octokit, id, {
          change: { files: { 'docs/notes.md': 'from b\n' } },
        }),
      ),
    ]);
    const pulls = await github.pulls(id);
    expect(pulls).toHaveLength(1);
    expect(results.map(r => r.number)).toEqual([
      pulls[0].number,
      pulls[0].number,
    ]);
    const head = await github.headOf(id, 'gitops/test/web-dev');
    expect(results.map(r => r.commitSha)).toContain(head);
    const text = await github.readFromClone(
      id,
      'gitops/test/web-dev',
      'docs/notes.md',
    );
    const winner = results.find(r => r.commitSha === head)!;
    expect(text).toBe(winner === results[0] ? 'from a\n' : 'from b\n');
  });

  it('retries a secondary rate limit after retry-after, and the throttle handler saw the value', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { logger, lines } = recordingLogger();
    const { octokit } = await github.client(logger);
    github.emulator.addFault({
      type: 'secondary-rate-limit',
      retryAfterSeconds: 1,
      match: { method: 'POST', path: 'git/trees' },
    });
    const result = await openConfigRepoPullRequest(request(octokit, id));
    expect(result.status).toBe('opened');
    const warning = lines.find(
      l => l.level === 'warn' && /secondary rate limit/.test(l.message),
    );
    expect(warning?.meta).toMatchObject({
      retryAfter: 1,
      retryCount: 0,
      retrying: true,
    });
  });

  it('puts the validation result in the PR body', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const path = 'apps/web/overlays/prod/kustomization.yaml';
    const result = await openConfigRepoPullRequest(
      request(octokit, id, {
        change: {
          yamlEdits: [
            { path, edit: doc => doc.setIn(['images', 0, 'newTag'], '1.3.2') },
          ],
        },
      }),
    );
    expect(result.validation.overlays.map(o => o.path)).toEqual([
      'apps/web/overlays/prod',
    ]);
    const [pull] = await github.pulls(id);
    expect(pull.body).toContain('### Validation');
    expect(pull.body).toContain('`apps/web/overlays/prod`');
  });
});
