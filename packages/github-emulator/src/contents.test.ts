import { requestError, TOKEN, useEmulator } from './__testUtils__/harness';

type FileData = {
  type: string;
  content: string;
  encoding: string;
  sha: string;
  path: string;
};

describe('contents API', () => {
  const env = useEmulator();
  const decode = (data: unknown) =>
    Buffer.from((data as FileData).content, 'base64').toString('utf8');

  it('gets a file as base64 with its blob sha', async () => {
    const id = await env.newRepo({ 'apps/web/values.yaml': 'replicas: 2\n' });
    const { data } = await env.octokit.repos.getContent({
      ...id,
      path: 'apps/web/values.yaml',
    });
    expect(data).toMatchObject({
      type: 'file',
      encoding: 'base64',
      path: 'apps/web/values.yaml',
      name: 'values.yaml',
    });
    expect(decode(data)).toBe('replicas: 2\n');
    const blob = await env.octokit.git.getBlob({
      ...id,
      file_sha: (data as FileData).sha,
    });
    expect(Buffer.from(blob.data.content, 'base64').toString()).toBe(
      'replicas: 2\n',
    );
  });

  it('gets a directory as an array of entries', async () => {
    const id = await env.newRepo({
      'apps/web/a.yaml': 'a',
      'apps/web/sub/b.yaml': 'b',
    });
    const { data } = await env.octokit.repos.getContent({
      ...id,
      path: 'apps/web',
    });
    expect(Array.isArray(data)).toBe(true);
    expect(
      (data as unknown as FileData[]).map(entry => [entry.type, entry.path]),
    ).toEqual([
      ['file', 'apps/web/a.yaml'],
      ['dir', 'apps/web/sub'],
    ]);
  });

  it('gets the root directory with an empty path', async () => {
    const id = await env.newRepo({ 'a.txt': 'a', 'dir/b.txt': 'b' });
    const { data } = await env.octokit.repos.getContent({ ...id, path: '' });
    expect((data as unknown as FileData[]).map(entry => entry.path)).toEqual([
      'a.txt',
      'dir',
    ]);
  });

  it('reads a file at another ref', async () => {
    const id = await env.newRepo({ 'f.txt': 'old' });
    const old = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    await env.octokit.repos.createOrUpdateFileContents({
      ...id,
      path: 'f.txt',
      message: 'new',
      content: Buffer.from('new').toString('base64'),
      sha: (
        (
          await env.octokit.repos.getContent({ ...id, path: 'f.txt' })
        ).data as FileData
      ).sha,
    });
    const { data } = await env.octokit.repos.getContent({
      ...id,
      path: 'f.txt',
      ref: old,
    });
    expect(decode(data)).toBe('old');
  });

  it('returns raw bytes for the raw media type', async () => {
    const id = await env.newRepo({ 'f.txt': 'raw content' });
    const { data } = await env.octokit.repos.getContent({
      ...id,
      path: 'f.txt',
      mediaType: { format: 'raw' },
    });
    expect(data).toBe('raw content');
  });

  it('serves download_url with the raw file', async () => {
    const id = await env.newRepo({ 'dir/f.txt': 'downloaded' });
    const { data } = await env.octokit.repos.getContent({
      ...id,
      path: 'dir/f.txt',
    });
    const response = await fetch(
      (data as { download_url: string }).download_url,
      {
        headers: { authorization: `token ${TOKEN}` },
      },
    );
    expect(await response.text()).toBe('downloaded');
  });

  it.each([
    ['a missing file', 'missing.yaml'],
    ['a path below a file', 'f.txt/below'],
  ])('answers 404 {"message":"Not Found"} for %s', async (_case, path) => {
    const id = await env.newRepo({ 'f.txt': 'x' });
    const error = await requestError(
      env.octokit.repos.getContent({ ...id, path }),
    );
    expect(error.status).toBe(404);
    expect(error.response?.data.message).toBe('Not Found');
  });

  it('creates a file with PUT (201) as a commit on the branch', async () => {
    const id = await env.newRepo();
    const { status, data } = await env.octokit.repos.createOrUpdateFileContents(
      {
        ...id,
        path: 'new/file.yaml',
        message: 'Add file',
        content: Buffer.from('a: 1\n').toString('base64'),
      },
    );
    expect(status).toBe(201);
    expect(data.commit.message).toBe('Add file');
    const main = await env.octokit.git.getRef({ ...id, ref: 'heads/main' });
    expect(main.data.object.sha).toBe(data.commit.sha);
    expect(
      decode(
        (await env.octokit.repos.getContent({ ...id, path: 'new/file.yaml' }))
          .data,
      ),
    ).toBe('a: 1\n');
  });

  it('updates a file with PUT (200) given its current sha', async () => {
    const id = await env.newRepo({ 'f.txt': 'one' });
    const current = (
      await env.octokit.repos.getContent({ ...id, path: 'f.txt' })
    ).data as FileData;
    const { status } = await env.octokit.repos.createOrUpdateFileContents({
      ...id,
      path: 'f.txt',
      message: 'two',
      content: Buffer.from('two').toString('base64'),
      sha: current.sha,
    });
    expect(status).toBe(200);
    expect(
      decode(
        (await env.octokit.repos.getContent({ ...id, path: 'f.txt' })).data,
      ),
    ).toBe('two');
  });

  it('writes to another branch', async () => {
    const id = await env.newRepo();
    const sha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    await env.octokit.git.createRef({ ...id, ref: 'refs/heads/feature', sha });
    await env.octokit.repos.createOrUpdateFileContents({
      ...id,
      path: 'f.txt',
      branch: 'feature',
      message: 'on feature',
      content: Buffer.from('x').toString('base64'),
    });
    expect(
      (await env.octokit.git.getRef({ ...id, ref: 'heads/main' })).data.object
        .sha,
    ).toBe(sha);
    const onFeature = await env.octokit.repos.getContent({
      ...id,
      path: 'f.txt',
      ref: 'feature',
    });
    expect(decode(onFeature.data)).toBe('x');
  });

  it('answers 409 when the sha does not match the current file', async () => {
    const id = await env.newRepo({ 'f.txt': 'one' });
    const error = await requestError(
      env.octokit.repos.createOrUpdateFileContents({
        ...id,
        path: 'f.txt',
        message: 'stale',
        content: Buffer.from('x').toString('base64'),
        sha: 'a'.repeat(40),
      }),
    );
    expect(error.status).toBe(409);
  });

  it('answers 422 when updating an existing file without a sha', async () => {
    const id = await env.newRepo({ 'f.txt': 'one' });
    const error = await requestError(
      env.octokit.repos.createOrUpdateFileContents({
        ...id,
        path: 'f.txt',
        message: 'no sha',
        content: Buffer.from('x').toString('base64'),
      }),
    );
    expect(error.status).toBe(422);
  });

  it('deletes a file', async () => {
    const id = await env.newRepo({ 'f.txt': 'one', 'keep.txt': 'k' });
    const current = (
      await env.octokit.repos.getContent({ ...id, path: 'f.txt' })
    ).data as FileData;
    const { data } = await env.octokit.repos.deleteFile({
      ...id,
      path: 'f.txt',
      message: 'rm',
      sha: current.sha,
    });
    expect(data.content).toBeNull();
    const error = await requestError(
      env.octokit.repos.getContent({ ...id, path: 'f.txt' }),
    );
    expect(error.status).toBe(404);
  });

  it('creates the first commit of an empty repository', async () => {
    const id = await env.newRepo(null);
    await env.octokit.repos.createOrUpdateFileContents({
      ...id,
      path: 'first.txt',
      message: 'first',
      content: Buffer.from('1').toString('base64'),
    });
    const commit = await env.octokit.repos.getCommit({ ...id, ref: 'main' });
    expect(commit.data.parents).toEqual([]);
  });
});
