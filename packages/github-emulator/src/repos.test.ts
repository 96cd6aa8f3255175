import { Octokit } from '@octokit/rest';
import { octokitFor, requestError, useEmulator } from './__testUtils__/harness';

describe('repositories', () => {
  const env = useEmulator({ login: 'gitops-bot' });

  it('GET /user returns the configured login', async () => {
    const { data } = await env.octokit.users.getAuthenticated();
    expect(data).toMatchObject({ login: 'gitops-bot', type: 'User' });
  });

  it('GET /repos/{owner}/{repo} returns the fields Octokit users read', async () => {
    const id = await env.newRepo();
    const { data } = await env.octokit.repos.get(id);
    expect(data).toMatchObject({
      name: id.repo,
      full_name: `acme/${id.repo}`,
      owner: { login: 'acme' },
      default_branch: 'main',
      private: false,
      html_url: `${env.emulator.url}/acme/${id.repo}`,
      clone_url: env.emulator.gitUrl('acme', id.repo),
      permissions: { admin: true, push: true, pull: true },
    });
    expect(typeof data.id).toBe('number');
  });

  it('reports a custom default branch', async () => {
    await env.emulator.createRepo('acme', 'trunk-repo', {
      defaultBranch: 'trunk',
      files: { a: 'a' },
    });
    const { data } = await env.octokit.repos.get({
      owner: 'acme',
      repo: 'trunk-repo',
    });
    expect(data.default_branch).toBe('trunk');
  });

  it('answers 404 Not Found for a missing repository', async () => {
    const error = await requestError(
      env.octokit.repos.get({ owner: 'acme', repo: 'nope' }),
    );
    expect(error.status).toBe(404);
    expect(error.response?.data.message).toBe('Not Found');
  });

  it.each([
    [
      'POST /user/repos',
      'gitops-bot',
      (octokit: Octokit, name: string) =>
        octokit.repos.createForAuthenticatedUser({ name, private: true }),
    ],
    [
      'POST /orgs/{org}/repos',
      'acme',
      (octokit: Octokit, name: string) =>
        octokit.repos.createInOrg({ org: 'acme', name, private: true }),
    ],
  ])(
    '%s creates an empty private repository',
    async (_route, owner, create) => {
      const name = `created-${owner}`;
      const { status, data } = await create(env.octokit, name);
      expect(status).toBe(201);
      expect(data).toMatchObject({
        full_name: `${owner}/${name}`,
        private: true,
        default_branch: 'main',
      });
      const fetched = await env.octokit.repos.get({ owner, repo: name });
      expect(fetched.data.private).toBe(true);
    },
  );

  it('auto_init creates an initial commit with a README', async () => {
    await env.octokit.repos.createInOrg({
      org: 'acme',
      name: 'auto-init',
      auto_init: true,
    });
    const { data } = await env.octokit.repos.getContent({
      owner: 'acme',
      repo: 'auto-init',
      path: 'README.md',
    });
    expect(data).toMatchObject({ type: 'file', path: 'README.md' });
  });

  it('refuses to create a repository that exists with 422 "name already exists on this account"', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.repos.createInOrg({ org: id.owner, name: id.repo }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.errors[0].message).toBe(
      'name already exists on this account',
    );
  });

  it('PATCH stores settings and returns them', async () => {
    const id = await env.newRepo();
    await env.octokit.repos.update({
      ...id,
      allow_merge_commit: false,
      delete_branch_on_merge: true,
      description: 'config',
    });
    const { data } = await env.octokit.repos.get(id);
    expect(data).toMatchObject({
      allow_merge_commit: false,
      delete_branch_on_merge: true,
      description: 'config',
    });
  });

  it('PATCH default_branch moves HEAD to an existing branch', async () => {
    const id = await env.newRepo();
    const main = await env.octokit.git.getRef({ ...id, ref: 'heads/main' });
    await env.octokit.git.createRef({
      ...id,
      ref: 'refs/heads/develop',
      sha: main.data.object.sha,
    });
    await env.octokit.repos.update({ ...id, default_branch: 'develop' });
    expect((await env.octokit.repos.get(id)).data.default_branch).toBe(
      'develop',
    );
  });

  it('serves the API under /api/v3 too', async () => {
    const id = await env.newRepo();
    const octokit = octokitFor(env.emulator.apiUrl);
    expect((await octokit.repos.get(id)).data.name).toBe(id.repo);
  });

  it('lists and gets branches', async () => {
    const id = await env.newRepo();
    const branches = await env.octokit.repos.listBranches(id);
    expect(branches.data.map(branch => branch.name)).toEqual(['main']);
    const branch = await env.octokit.repos.getBranch({ ...id, branch: 'main' });
    expect(branch.data.commit.sha).toBe(branches.data[0].commit.sha);
  });

  it('answers unknown routes with 404 Not Found', async () => {
    const error = await requestError(env.octokit.request('GET /no/such/route'));
    expect(error.status).toBe(404);
    expect(error.response?.data.message).toBe('Not Found');
  });
});

describe('authentication', () => {
  const env = useEmulator({ tokens: ['good'] });

  it.each([
    ['an unknown token', 'bad'],
    ['no token', null],
  ])('answers 401 Bad credentials for %s', async (_case, auth) => {
    const octokit = octokitFor(env.emulator.url, auth);
    const error = await requestError(octokit.users.getAuthenticated());
    expect(error.status).toBe(401);
    expect(error.response?.data).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
    });
  });

  it.each([['token'], ['Bearer']])(
    'accepts a listed token sent as "%s X"',
    async scheme => {
      const octokit = octokitFor(env.emulator.url, null);
      const { data } = await octokit.request('GET /user', {
        headers: { authorization: `${scheme} good` },
      });
      expect(data.login).toBe('gitops-bot');
    },
  );
});

describe('authentication without a token list', () => {
  const env = useEmulator({ tokens: undefined });

  it('accepts any non-empty token', async () => {
    const { data } = await octokitFor(
      env.emulator.url,
      'anything',
    ).users.getAuthenticated();
    expect(data.login).toBe('gitops-bot');
  });

  it('still refuses a request without a token', async () => {
    const error = await requestError(
      octokitFor(env.emulator.url, null).users.getAuthenticated(),
    );
    expect(error.status).toBe(401);
  });
});
