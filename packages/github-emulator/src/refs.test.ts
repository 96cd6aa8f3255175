import {
  commitFiles,
  requestError,
  useEmulator,
} from './__testUtils__/harness';

describe('git refs', () => {
  const env = useEmulator();

  async function mainSha(id: { owner: string; repo: string }) {
    return (await env.octokit.git.getRef({ ...id, ref: 'heads/main' })).data
      .object.sha;
  }

  it('gets a ref with its object', async () => {
    const id = await env.newRepo();
    const { data } = await env.octokit.git.getRef({ ...id, ref: 'heads/main' });
    expect(data).toMatchObject({
      ref: 'refs/heads/main',
      object: { type: 'commit' },
    });
    expect(data.object.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('answers 404 for a missing ref', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.git.getRef({ ...id, ref: 'heads/missing' }),
    );
    expect(error.status).toBe(404);
  });

  it('answers 409 "Git Repository is empty." for a ref of an empty repository', async () => {
    const id = await env.newRepo(null);
    const error = await requestError(
      env.octokit.git.getRef({ ...id, ref: 'heads/main' }),
    );
    expect(error.status).toBe(409);
    expect(error.response?.data.message).toBe('Git Repository is empty.');
  });

  it('creates a ref', async () => {
    const id = await env.newRepo();
    const sha = await mainSha(id);
    const { status, data } = await env.octokit.git.createRef({
      ...id,
      ref: 'refs/heads/feature',
      sha,
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({ ref: 'refs/heads/feature', object: { sha } });
    expect(
      await env.octokit.git.getRef({ ...id, ref: 'heads/feature' }),
    ).toMatchObject({ data: { object: { sha } } });
  });

  it('refuses to create an existing ref with 422 "Reference already exists"', async () => {
    const id = await env.newRepo();
    const sha = await mainSha(id);
    const error = await requestError(
      env.octokit.git.createRef({ ...id, ref: 'refs/heads/main', sha }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.message).toBe('Reference already exists');
  });

  it('refuses a ref pointing at a missing object with 422', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.git.createRef({
        ...id,
        ref: 'refs/heads/x',
        sha: '1'.repeat(40),
      }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.message).toBe('Object does not exist');
  });

  it('updates a ref by fast-forward', async () => {
    const id = await env.newRepo();
    const next = await commitFiles(env.octokit, id, 'feature', {
      'a.txt': 'a',
    });
    const { data } = await env.octokit.git.updateRef({
      ...id,
      ref: 'heads/main',
      sha: next,
    });
    expect(data.object.sha).toBe(next);
    expect(await mainSha(id)).toBe(next);
  });

  it('refuses a non-fast-forward update with 422 "Update is not a fast forward"', async () => {
    const id = await env.newRepo();
    const old = await mainSha(id);
    await commitFiles(env.octokit, id, 'main', { 'a.txt': 'a' });
    const error = await requestError(
      env.octokit.git.updateRef({ ...id, ref: 'heads/main', sha: old }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.message).toBe('Update is not a fast forward');
  });

  it('moves a ref backwards with force', async () => {
    const id = await env.newRepo();
    const old = await mainSha(id);
    await commitFiles(env.octokit, id, 'main', { 'a.txt': 'a' });
    await env.octokit.git.updateRef({
      ...id,
      ref: 'heads/main',
      sha: old,
      force: true,
    });
    expect(await mainSha(id)).toBe(old);
  });

  it('lets only one of two concurrent fast-forwards from the same parent win', async () => {
    const id = await env.newRepo();
    const parent = await mainSha(id);
    const tree = (
      await env.octokit.git.getCommit({ ...id, commit_sha: parent })
    ).data.tree.sha;
    const commits = await Promise.all(
      ['one', 'two'].map(
        async message =>
          (
            await env.octokit.git.createCommit({
              ...id,
              message,
              tree,
              parents: [parent],
            })
          ).data.sha,
      ),
    );
    const results = await Promise.allSettled(
      commits.map(sha =>
        env.octokit.git.updateRef({ ...id, ref: 'heads/main', sha }),
      ),
    );
    expect(
      results.filter(result => result.status === 'fulfilled'),
    ).toHaveLength(1);
    expect(commits).toContain(await mainSha(id));
  });

  it('deletes a ref with 204', async () => {
    const id = await env.newRepo();
    await env.octokit.git.createRef({
      ...id,
      ref: 'refs/heads/gone',
      sha: await mainSha(id),
    });
    const { status } = await env.octokit.git.deleteRef({
      ...id,
      ref: 'heads/gone',
    });
    expect(status).toBe(204);
    const error = await requestError(
      env.octokit.git.getRef({ ...id, ref: 'heads/gone' }),
    );
    expect(error.status).toBe(404);
  });

  it('answers 422 when deleting a missing ref', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.git.deleteRef({ ...id, ref: 'heads/never' }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data.message).toBe('Reference does not exist');
  });

  it('lists refs matching a prefix', async () => {
    const id = await env.newRepo();
    const sha = await mainSha(id);
    for (const name of ['feature-a', 'feature-b', 'other']) {
      await env.octokit.git.createRef({
        ...id,
        ref: `refs/heads/${name}`,
        sha,
      });
    }
    const { data } = await env.octokit.git.listMatchingRefs({
      ...id,
      ref: 'heads/feature',
    });
    expect(data.map(ref => ref.ref)).toEqual([
      'refs/heads/feature-a',
      'refs/heads/feature-b',
    ]);
  });

  it('returns an empty list when nothing matches', async () => {
    const id = await env.newRepo();
    const { data } = await env.octokit.git.listMatchingRefs({
      ...id,
      ref: 'heads/none',
    });
    expect(data).toEqual([]);
  });
});
