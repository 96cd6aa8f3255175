import { requestError, useEmulator } from './__testUtils__/harness';

describe('git data: blobs, trees, commits', () => {
  const env = useEmulator();

  async function mainCommit(id: { owner: string; repo: string }) {
    const sha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    return (await env.octokit.git.getCommit({ ...id, commit_sha: sha })).data;
  }

  async function paths(id: { owner: string; repo: string }, tree: string) {
    const { data } = await env.octokit.git.getTree({
      ...id,
      tree_sha: tree,
      recursive: 'true',
    });
    return data.tree
      .filter(entry => entry.type === 'blob')
      .map(entry => entry.path);
  }

  it.each([
    ['utf-8', 'hello: world\n'],
    ['base64', Buffer.from('hello: world\n').toString('base64')],
  ])(
    'creates a blob from %s content and reads it back as base64',
    async (encoding, content) => {
      const id = await env.newRepo();
      const created = await env.octokit.git.createBlob({
        ...id,
        content,
        encoding,
      });
      expect(created.status).toBe(201);
      const { data } = await env.octokit.git.getBlob({
        ...id,
        file_sha: created.data.sha,
      });
      expect(data).toMatchObject({
        sha: created.data.sha,
        encoding: 'base64',
        size: 13,
      });
      expect(Buffer.from(data.content, 'base64').toString()).toBe(
        'hello: world\n',
      );
    },
  );

  it('gives a blob the same sha git does', async () => {
    const id = await env.newRepo();
    const { data } = await env.octokit.git.createBlob({
      ...id,
      content: 'a\n',
      encoding: 'utf-8',
    });
    expect(data.sha).toBe('78981922613b2afb6025042ff6bd878ac1994e85'); // git hash-object of "a\n"
  });

  it('creates a tree on a base tree with inline content at nested paths', async () => {
    const id = await env.newRepo({ 'README.md': 'r', 'apps/web/a.yaml': 'a' });
    const base = await mainCommit(id);
    const { data } = await env.octokit.git.createTree({
      ...id,
      base_tree: base.tree.sha,
      tree: [
        {
          path: 'apps/api/deep/b.yaml',
          mode: '100644',
          type: 'blob',
          content: 'b: 1\n',
        },
      ],
    });
    expect(await paths(id, data.sha)).toEqual([
      'README.md',
      'apps/api/deep/b.yaml',
      'apps/web/a.yaml',
    ]);
  });

  it('gives each inline content of a tree its own blob, as git hashes it', async () => {
    const id = await env.newRepo({ 'README.md': 'r' });
    const contents: Array<[string, string]> = [
      ['a.txt', 'a\n'],
      ['empty.txt', ''],
      ['same-as-a.txt', 'a\n'],
      ['unicode.txt', 'grüße, 世界\n'],
    ];
    const { data } = await env.octokit.git.createTree({
      ...id,
      tree: contents.map(([path, content]) => ({
        path,
        mode: '100644' as const,
        type: 'blob' as const,
        content,
      })),
    });
    const shas = Object.fromEntries(data.tree.map(e => [e.path, e.sha]));
    // `git hash-object` of each content
    expect(shas).toEqual({
      'a.txt': '78981922613b2afb6025042ff6bd878ac1994e85',
      'empty.txt': 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391',
      'same-as-a.txt': '78981922613b2afb6025042ff6bd878ac1994e85',
      'unicode.txt': '3177efeda3db6a94252489303061e946f01a6f4b',
    });
    for (const [path, content] of contents) {
      const { data: blob } = await env.octokit.git.getBlob({
        ...id,
        file_sha: shas[path]!,
      });
      expect(Buffer.from(blob.content, 'base64').toString('utf8')).toBe(
        content,
      );
    }
  });

  it('uses an existing blob by sha', async () => {
    const id = await env.newRepo();
    const blob = await env.octokit.git.createBlob({
      ...id,
      content: 'x',
      encoding: 'utf-8',
    });
    const { data } = await env.octokit.git.createTree({
      ...id,
      tree: [
        { path: 'x.txt', mode: '100644', type: 'blob', sha: blob.data.sha },
      ],
    });
    expect(data.tree).toEqual([
      expect.objectContaining({
        path: 'x.txt',
        sha: blob.data.sha,
        type: 'blob',
      }),
    ]);
  });

  it('deletes a path with sha: null and prunes the emptied directory', async () => {
    const id = await env.newRepo({
      'README.md': 'r',
      'apps/web/only.yaml': 'a',
    });
    const base = await mainCommit(id);
    const { data } = await env.octokit.git.createTree({
      ...id,
      base_tree: base.tree.sha,
      tree: [
        { path: 'apps/web/only.yaml', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const all = await env.octokit.git.getTree({
      ...id,
      tree_sha: data.sha,
      recursive: 'true',
    });
    expect(all.data.tree.map(entry => entry.path)).toEqual(['README.md']);
  });

  it('deletes a whole directory with sha: null', async () => {
    const id = await env.newRepo({
      'keep.txt': 'k',
      'dir/a': 'a',
      'dir/sub/b': 'b',
    });
    const base = await mainCommit(id);
    const { data } = await env.octokit.git.createTree({
      ...id,
      base_tree: base.tree.sha,
      tree: [{ path: 'dir', mode: '040000', type: 'tree', sha: null }],
    });
    expect(await paths(id, data.sha)).toEqual(['keep.txt']);
  });

  it('lists a tree non-recursively with subtrees as entries', async () => {
    const id = await env.newRepo({ 'a.txt': 'a', 'dir/b.txt': 'b' });
    const base = await mainCommit(id);
    const { data } = await env.octokit.git.getTree({
      ...id,
      tree_sha: base.tree.sha,
    });
    expect(
      data.tree.map(entry => [entry.path, entry.type, entry.mode]),
    ).toEqual([
      ['a.txt', 'blob', '100644'],
      ['dir', 'tree', '040000'],
    ]);
    expect(data.truncated).toBe(false);
  });

  it('refuses a tree entry with a malformed path with 422', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.git.createTree({
        ...id,
        tree: [{ path: '../evil', mode: '100644', type: 'blob', content: 'x' }],
      }),
    );
    expect(error.status).toBe(422);
  });

  it('creates a commit with author and dates and reads it back', async () => {
    const id = await env.newRepo();
    const parent = await mainCommit(id);
    const author = {
      name: 'Ada',
      email: 'ada@example.com',
      date: '2024-05-01T10:00:00Z',
    };
    const created = await env.octokit.git.createCommit({
      ...id,
      message: 'Add things\n\nWith a body',
      tree: parent.tree.sha,
      parents: [parent.sha],
      author,
    });
    expect(created.status).toBe(201);
    const { data } = await env.octokit.git.getCommit({
      ...id,
      commit_sha: created.data.sha,
    });
    expect(data).toMatchObject({
      sha: created.data.sha,
      message: 'Add things\n\nWith a body',
      author,
      committer: author,
      tree: { sha: parent.tree.sha },
      parents: [{ sha: parent.sha }],
    });
  });

  it('defaults the author to the authenticated user', async () => {
    const id = await env.newRepo();
    const parent = await mainCommit(id);
    const { data } = await env.octokit.git.createCommit({
      ...id,
      message: 'm',
      tree: parent.tree.sha,
      parents: [parent.sha],
    });
    expect(data.author).toMatchObject({
      name: 'gitops-bot',
      email: 'gitops-bot@users.noreply.github.com',
    });
  });

  it('refuses a commit on a missing tree with 422', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.git.createCommit({
        ...id,
        message: 'm',
        tree: 'f'.repeat(40),
        parents: [],
      }),
    );
    expect(error.status).toBe(422);
  });

  it('answers 404 for a missing commit', async () => {
    const id = await env.newRepo();
    const error = await requestError(
      env.octokit.git.getCommit({ ...id, commit_sha: 'f'.repeat(40) }),
    );
    expect(error.status).toBe(404);
  });
});
