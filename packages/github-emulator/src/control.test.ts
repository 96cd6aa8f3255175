import { commitFiles, useEmulator } from './__testUtils__/harness';

describe('control API (/_emulator)', () => {
  const env = useEmulator();

  afterEach(() => env.emulator.clearFaults());

  const control = (
    path: string,
    init: { method?: string; body?: unknown } = {},
  ) =>
    fetch(`${env.emulator.url}/_emulator${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it('creates a repository with files, without authentication', async () => {
    const response = await control('/repos', {
      method: 'POST',
      body: {
        owner: 'acme',
        repo: 'from-control',
        defaultBranch: 'trunk',
        files: { 'x.yaml': 'x: 1\n' },
      },
    });
    expect(response.status).toBe(201);
    const { data } = await env.octokit.repos.get({
      owner: 'acme',
      repo: 'from-control',
    });
    expect(data.default_branch).toBe('trunk');
    const file = await env.octokit.repos.getContent({
      owner: 'acme',
      repo: 'from-control',
      path: 'x.yaml',
    });
    expect(file.data).toMatchObject({ type: 'file' });
  });

  it('answers 422 when the repository exists', async () => {
    const id = await env.newRepo();
    const response = await control('/repos', {
      method: 'POST',
      body: { owner: id.owner, repo: id.repo },
    });
    expect(response.status).toBe(422);
  });

  it('adds a fault and returns its id', async () => {
    const id = await env.newRepo();
    const response = await control('/faults', {
      method: 'POST',
      body: { type: 'status', status: 503 },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: expect.any(String) });
    await expect(env.octokit.repos.get(id)).rejects.toMatchObject({
      status: 503,
    });
  });

  it('rejects a malformed fault with 422', async () => {
    const response = await control('/faults', {
      method: 'POST',
      body: { type: 'status' },
    });
    expect(response.status).toBe(422);
  });

  it.each([
    ['all faults', (_id: string) => '/faults'],
    ['one fault by id', (faultId: string) => `/faults/${faultId}`],
  ])('deletes %s', async (_case, path) => {
    const id = await env.newRepo();
    const added = await control('/faults', {
      method: 'POST',
      body: { type: 'status', status: 500 },
    });
    const { id: faultId } = (await added.json()) as { id: string };
    expect((await control(path(faultId), { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await env.octokit.repos.get(id)).status).toBe(200);
  });

  it('lists every pull request of a repo in any state', async () => {
    const id = await env.newRepo();
    for (const branch of ['a', 'b']) {
      await commitFiles(env.octokit, id, branch, { [branch]: branch });
      await env.octokit.pulls.create({
        ...id,
        title: branch,
        head: branch,
        base: 'main',
      });
    }
    await env.octokit.pulls.update({ ...id, pull_number: 1, state: 'closed' });
    const response = await control(`/repos/${id.owner}/${id.repo}/pulls`);
    const pulls = (await response.json()) as Array<{
      number: number;
      state: string;
    }>;
    expect(pulls.map(pull => [pull.number, pull.state])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
  });
});
