import { requestError, useEmulator } from './__testUtils__/harness';

describe('repository settings publish:github writes', () => {
  const env = useEmulator({ login: 'gitops-bot' });

  it('keeps the settings sent with POST /orgs/{org}/repos', async () => {
    await env.octokit.repos.createInOrg({
      org: 'acme',
      name: 'with-settings',
      allow_rebase_merge: false,
      delete_branch_on_merge: true,
      homepage: 'https://orders.example.com',
    });
    const { data } = await env.octokit.repos.get({
      owner: 'acme',
      repo: 'with-settings',
    });
    expect(data).toMatchObject({
      allow_rebase_merge: false,
      delete_branch_on_merge: true,
      homepage: 'https://orders.example.com',
    });
  });

  it.each([
    ['internal', { private: false, visibility: 'internal' }, true],
    ['private', { visibility: 'private' }, true],
    ['public', { private: true, visibility: 'public' }, false],
  ] as const)(
    'creates an org repo with visibility %s (visibility wins over private)',
    async (visibility, fields, isPrivate) => {
      const name = `visibility-${visibility}`;
      // Octokit's types predate `internal` (publish:github @ts-ignores it too).
      await env.octokit.repos.createInOrg({
        org: 'acme',
        name,
        ...(fields as { private?: boolean }),
      });
      const { data } = await env.octokit.repos.get({
        owner: 'acme',
        repo: name,
      });
      expect(data).toMatchObject({ visibility, private: isPrivate });
    },
  );

  it('refuses an internal repository for a user', async () => {
    const error = await requestError(
      env.octokit.request('POST /user/repos', {
        name: 'internal-user-repo',
        visibility: 'internal',
      } as any),
    );
    expect(error.status).toBe(422);
  });

  it('adds a collaborator (201 with an invitation, then 204)', async () => {
    const id = await env.newRepo();
    const add = () =>
      env.octokit.repos.addCollaborator({
        ...id,
        username: 'alice',
        permission: 'triage',
      });
    expect((await add()).status).toBe(201);
    expect((await add()).status).toBe(204);
    const { data } = await env.octokit.repos.listCollaborators(id);
    expect(data.map(user => [user.login, user.role_name])).toEqual([
      ['alice', 'triage'],
    ]);
  });

  it.each([
    ['upper case', ['GitOps']],
    ['spaces', ['git ops']],
    ['more than 20', Array.from({ length: 21 }, (_, n) => `t${n}`)],
  ])('refuses topics with %s', async (_case, names) => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.repos.replaceAllTopics({ ...id, names }),
    );
    expect(error.status).toBe(422);
  });

  it('replaces the topics', async () => {
    const id = await env.newRepo();
    await env.octokit.repos.replaceAllTopics({ ...id, names: ['a', 'b'] });
    await env.octokit.repos.replaceAllTopics({ ...id, names: ['gitops'] });
    const { data } = await env.octokit.repos.getAllTopics(id);
    expect(data.names).toEqual(['gitops']);
  });

  it('answers 409 for an Actions variable that already exists', async () => {
    const id = await env.newRepo();
    const create = () =>
      env.octokit.actions.createRepoVariable({ ...id, name: 'A', value: '1' });
    expect((await create()).status).toBe(201);
    expect((await requestError(create())).status).toBe(409);
  });

  it.each([
    ['a sealed value for the current key', true, 64, 201],
    ['a value for another key id', false, 64, 422],
    ['a value too short to be a sealed box', true, 8, 422],
  ])(
    'PUT an Actions secret with %s answers %s',
    async (_case, currentKey, length, status) => {
      const id = await env.newRepo();
      const { data: key } = await env.octokit.actions.getRepoPublicKey(id);
      expect(Buffer.from(key.key, 'base64')).toHaveLength(32);
      const result = await env.octokit.actions
        .createOrUpdateRepoSecret({
          ...id,
          secret_name: 'DEPLOY_KEY',
          key_id: currentKey ? key.key_id : 'other',
          encrypted_value: Buffer.alloc(length, 1).toString('base64'),
        })
        .then(response => response.status)
        .catch((error: { status: number }) => error.status);
      expect(result).toBe(status);
    },
  );

  it('stores the OIDC subject claim customization', async () => {
    const id = await env.newRepo();
    await env.octokit.request(
      'PUT /repos/{owner}/{repo}/actions/oidc/customization/sub',
      { ...id, use_default: false, include_claim_keys: ['repo', 'ref'] },
    );
    const { data } = await env.octokit.request(
      'GET /repos/{owner}/{repo}/actions/oidc/customization/sub',
      id,
    );
    expect(data).toEqual({
      use_default: false,
      include_claim_keys: ['repo', 'ref'],
    });
  });

  it('answers 404 for the subscription of a repo nobody watches', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.activity.getRepoSubscription(id),
    );
    expect(error.status).toBe(404);
  });
});

describe('branch protection', () => {
  const env = useEmulator();
  const protection = {
    required_status_checks: { strict: true, contexts: ['ci'] },
    enforce_admins: true,
    required_pull_request_reviews: { required_approving_review_count: 2 },
    restrictions: null,
  };

  it('stores the protection and marks the branch protected', async () => {
    const id = await env.newRepo();
    await env.octokit.repos.updateBranchProtection({
      ...id,
      branch: 'main',
      ...protection,
    });
    const { data } = await env.octokit.repos.getBranchProtection({
      ...id,
      branch: 'main',
    });
    expect(data).toMatchObject({
      required_status_checks: { strict: true, contexts: ['ci'] },
      enforce_admins: { enabled: true },
      required_pull_request_reviews: { required_approving_review_count: 2 },
    });
    const branch = await env.octokit.repos.getBranch({ ...id, branch: 'main' });
    expect(branch.data.protected).toBe(true);
  });

  it('reports a branch with slashes unprotected, then protected once protection is put', async () => {
    const id = await env.newRepo();
    const branch = 'gitops-portal/promote/web-prod';
    const main = await env.octokit.git.getRef({ ...id, ref: 'heads/main' });
    await env.octokit.git.createRef({
      ...id,
      ref: `refs/heads/${branch}`,
      sha: main.data.object.sha,
    });
    const before = await env.octokit.repos.getBranch({ ...id, branch });
    expect(before.data).toMatchObject({ name: branch, protected: false });
    await env.octokit.repos.updateBranchProtection({
      ...id,
      branch,
      ...protection,
    });
    const after = await env.octokit.repos.getBranch({ ...id, branch });
    expect(after.data.protected).toBe(true);
    const { data } = await env.octokit.repos.getBranchProtection({
      ...id,
      branch,
    });
    expect(data.enforce_admins?.enabled).toBe(true);
  });

  it('answers 404 Branch not found for GET of a missing branch', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.repos.getBranch({ ...id, branch: 'gitops-portal/nope' }),
    );
    expect(error.status).toBe(404);
    expect(error.response?.data.message).toBe('Branch not found');
  });

  it.each([
    ['a missing branch', 'nope', 'Branch not found'],
    ['an unprotected branch', 'main', 'Branch not protected'],
  ])('answers 404 for %s', async (_case, branch, message) => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.repos.getBranchProtection({ ...id, branch }),
    );
    expect(error.status).toBe(404);
    expect(error.response?.data.message).toBe(message);
  });

  it('refuses a body without the required fields', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.request(
        'PUT /repos/{owner}/{repo}/branches/{branch}/protection',
        { ...id, branch: 'main', enforce_admins: true } as any,
      ),
    );
    expect(error.status).toBe(422);
  });

  it('requires signed commits on a protected branch', async () => {
    const id = await env.newRepo();
    await env.octokit.repos.updateBranchProtection({
      ...id,
      branch: 'main',
      ...protection,
    });
    await env.octokit.repos.createCommitSignatureProtection({
      ...id,
      branch: 'main',
    });
    const { data } = await env.octokit.repos.getBranchProtection({
      ...id,
      branch: 'main',
    });
    expect(data.required_signatures?.enabled).toBe(true);
  });
});
