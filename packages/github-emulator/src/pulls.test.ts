import {
  commitFiles,
  requestError,
  useEmulator,
} from './__testUtils__/harness';

describe('pull requests', () => {
  const env = useEmulator();

  it('creates a pull request with the fields Octokit users read', async () => {
    const { id, headSha } = await env.repoWithBranch();
    const baseSha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    const { status, data } = await env.octokit.pulls.create({
      ...id,
      title: 'Deploy',
      head: 'feature',
      base: 'main',
      body: 'details',
      draft: false,
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      number: 1,
      state: 'open',
      title: 'Deploy',
      body: 'details',
      draft: false,
      html_url: `${env.emulator.url}/acme/${id.repo}/pull/1`,
      head: { ref: 'feature', sha: headSha, label: 'acme:feature' },
      base: { ref: 'main', sha: baseSha },
      merged: false,
      mergeable: true,
      merge_commit_sha: null,
      labels: [],
      requested_reviewers: [],
      requested_teams: [],
      user: { login: 'gitops-bot' },
    });
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(data.updated_at).toBe(data.created_at);
  });

  it('accepts the head as owner:branch', async () => {
    const { id } = await env.repoWithBranch();
    const { data } = await env.octokit.pulls.create({
      ...id,
      title: 't',
      head: 'acme:feature',
      base: 'main',
    });
    expect(data.head.ref).toBe('feature');
  });

  it('gets a pull request by number, following pushes to the head branch', async () => {
    const { id } = await env.repoWithBranch();
    await env.octokit.pulls.create({
      ...id,
      title: 't',
      head: 'feature',
      base: 'main',
    });
    const newHead = await commitFiles(env.octokit, id, 'feature', {
      'more.yaml': 'b',
    });
    const { data } = await env.octokit.pulls.get({ ...id, pull_number: 1 });
    expect(data.head.sha).toBe(newHead);
  });

  it('answers 404 for a missing pull request', async () => {
    const { id } = await env.repoWithBranch();
    const error = await requestError(
      env.octokit.pulls.get({ ...id, pull_number: 99 }),
    );
    expect(error.status).toBe(404);
  });

  it('refuses a second open pull request for the same head and base with 422', async () => {
    const { id } = await env.repoWithBranch();
    await env.octokit.pulls.create({
      ...id,
      title: 'one',
      head: 'feature',
      base: 'main',
    });
    const error = await requestError(
      env.octokit.pulls.create({
        ...id,
        title: 'two',
        head: 'feature',
        base: 'main',
      }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.errors[0].message).toBe(
      'A pull request already exists for acme:feature.',
    );
  });

  it('refuses a pull request without commits over the base with 422', async () => {
    const id = await env.newRepo();
    const sha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    await env.octokit.git.createRef({ ...id, ref: 'refs/heads/empty', sha });
    const error = await requestError(
      env.octokit.pulls.create({
        ...id,
        title: 't',
        head: 'empty',
        base: 'main',
      }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.errors[0].message).toBe(
      'No commits between main and empty',
    );
  });

  it.each([
    ['head', { head: 'missing', base: 'main' }],
    ['base', { head: 'feature', base: 'missing' }],
  ])('refuses a missing %s branch with 422', async (field, branches) => {
    const { id } = await env.repoWithBranch();
    const error = await requestError(
      env.octokit.pulls.create({ ...id, title: 't', ...branches }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.errors[0]).toMatchObject({
      field,
      code: 'invalid',
    });
  });

  it('updates title, body and state', async () => {
    const { id } = await env.repoWithBranch();
    await env.octokit.pulls.create({
      ...id,
      title: 'old',
      head: 'feature',
      base: 'main',
    });
    const { data } = await env.octokit.pulls.update({
      ...id,
      pull_number: 1,
      title: 'new',
      body: 'b',
      state: 'closed',
    });
    expect(data).toMatchObject({
      title: 'new',
      body: 'b',
      state: 'closed',
      merged: false,
    });
    expect(data.closed_at).not.toBeNull();
  });

  it('retargets the base branch', async () => {
    const { id } = await env.repoWithBranch();
    const sha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    await env.octokit.git.createRef({ ...id, ref: 'refs/heads/release', sha });
    await env.octokit.pulls.create({
      ...id,
      title: 't',
      head: 'feature',
      base: 'main',
    });
    const { data } = await env.octokit.pulls.update({
      ...id,
      pull_number: 1,
      base: 'release',
    });
    expect(data.base.ref).toBe('release');
  });

  it('shares one number sequence between issues and pull requests', async () => {
    const { id } = await env.repoWithBranch();
    const issue = await env.octokit.issues.create({ ...id, title: 'an issue' });
    const pull = await env.octokit.pulls.create({
      ...id,
      title: 'a pr',
      head: 'feature',
      base: 'main',
    });
    expect([issue.data.number, pull.data.number]).toEqual([1, 2]);
  });
});
