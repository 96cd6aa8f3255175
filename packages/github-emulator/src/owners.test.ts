import { requestError, useEmulator } from './__testUtils__/harness';

describe('users, organizations and teams', () => {
  const env = useEmulator({ login: 'gitops-bot' });

  it.each([
    ['the emulator login', 'gitops-bot', 'User'],
    ['any other name', 'acme', 'Organization'],
  ])('GET /users/{name} types %s as %s', async (_case, username, type) => {
    const { data } = await env.octokit.users.getByUsername({ username });
    expect(data).toMatchObject({ login: username, type });
  });

  it.each([
    ['an organization', 'acme', 200],
    ['the user (not an organization)', 'gitops-bot', 404],
  ])('GET /orgs/{org} for %s answers %s', async (_case, org, status) => {
    const result = await env.octokit.orgs
      .get({ org })
      .then(response => response.status)
      .catch((error: { status: number }) => error.status);
    expect(result).toBe(status);
  });

  it('POST /orgs/{org}/teams creates a team GET finds by slug', async () => {
    const { status } = await env.octokit.teams.create({
      org: 'acme',
      name: 'Platform Team',
    });
    expect(status).toBe(201);
    const { data } = await env.octokit.teams.getByName({
      org: 'acme',
      team_slug: 'platform-team',
    });
    expect(data).toMatchObject({
      name: 'Platform Team',
      slug: 'platform-team',
    });
  });

  it('refuses a second team with the same slug', async () => {
    await env.octokit.teams.create({ org: 'acme', name: 'dup' });
    const error = await requestError(
      env.octokit.teams.create({ org: 'acme', name: 'dup' }),
    );
    expect(error.status).toBe(422);
  });

  it('answers 404 Not Found for an unknown team', async () => {
    const error = await requestError(
      env.octokit.teams.getByName({ org: 'acme', team_slug: 'ghosts' }),
    );
    expect(error.status).toBe(404);
    expect(error.response?.data.message).toBe('Not Found');
  });

  it('grants a team access to a repository', async () => {
    const id = await env.newRepo();
    await env.octokit.teams.create({ org: 'acme', name: 'payments' });
    await env.octokit.teams.addOrUpdateRepoPermissionsInOrg({
      org: 'acme',
      team_slug: 'payments',
      ...id,
      permission: 'maintain',
    });
    const { data } = await env.octokit.repos.listTeams(id);
    expect(data.map(team => [team.slug, team.permission])).toEqual([
      ['payments', 'maintain'],
    ]);
  });
});
