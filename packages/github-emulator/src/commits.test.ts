import {
  commitFiles,
  requestError,
  useEmulator,
} from './__testUtils__/harness';

describe('repos commits API', () => {
  const env = useEmulator();

  it('gets a commit by branch with message, parents and files', async () => {
    const id = await env.newRepo({ 'a.txt': 'one\n' });
    const parent = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    const sha = await commitFiles(
      env.octokit,
      id,
      'main',
      { 'a.txt': 'two\n', 'b.txt': 'new\n' },
      { message: 'Change' },
    );
    const { data } = await env.octokit.repos.getCommit({ ...id, ref: 'main' });
    expect(data).toMatchObject({
      sha,
      commit: { message: 'Change' },
      parents: [{ sha: parent }],
    });
    expect(
      data.files?.map(file => [
        file.filename,
        file.status,
        file.additions,
        file.deletions,
      ]),
    ).toEqual([
      ['a.txt', 'modified', 1, 1],
      ['b.txt', 'added', 1, 0],
    ]);
  });

  it('answers 422 "No commit found for SHA" for an unknown ref', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.repos.getCommit({ ...id, ref: 'nope' }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.message).toBe('No commit found for SHA: nope');
  });

  it('lists history newest first', async () => {
    const id = await env.newRepo();
    await commitFiles(
      env.octokit,
      id,
      'main',
      { 'a.txt': '1' },
      { message: 'first' },
    );
    await commitFiles(
      env.octokit,
      id,
      'main',
      { 'b.txt': '2' },
      { message: 'second' },
    );
    const { data } = await env.octokit.repos.listCommits(id);
    expect(data.map(commit => commit.commit.message)).toEqual([
      'second',
      'first',
      'Initial commit',
    ]);
  });

  it('filters history by path', async () => {
    const id = await env.newRepo();
    await commitFiles(
      env.octokit,
      id,
      'main',
      { 'apps/web/x': '1' },
      { message: 'web' },
    );
    await commitFiles(
      env.octokit,
      id,
      'main',
      { 'apps/api/x': '1' },
      { message: 'api' },
    );
    const { data } = await env.octokit.repos.listCommits({
      ...id,
      path: 'apps/web',
    });
    expect(data.map(commit => commit.commit.message)).toEqual(['web']);
  });

  it('lists history of another branch by sha parameter', async () => {
    const id = await env.newRepo();
    await commitFiles(
      env.octokit,
      id,
      'feature',
      { f: '1' },
      { message: 'on feature' },
    );
    const { data } = await env.octokit.repos.listCommits({
      ...id,
      sha: 'feature',
    });
    expect(data[0].commit.message).toBe('on feature');
  });

  it('pages with per_page and a Link header that Octokit follows', async () => {
    const id = await env.newRepo();
    for (const n of [1, 2, 3])
      await commitFiles(
        env.octokit,
        id,
        'main',
        { [`${n}`]: 'x' },
        { message: `c${n}` },
      );
    const first = await env.octokit.repos.listCommits({ ...id, per_page: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.headers.link).toContain('rel="next"');
    const all = await env.octokit.paginate(env.octokit.repos.listCommits, {
      ...id,
      per_page: 2,
    });
    expect(all.map(commit => commit.commit.message)).toEqual([
      'c3',
      'c2',
      'c1',
      'Initial commit',
    ]);
  });
});
