import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, TOKEN, useEmulator } from './__testUtils__/harness';

describe('real git: commits made through the API, clones and pushes', () => {
  const env = useEmulator();
  let dirs = 0;
  const newDir = () => env.dir(`work-${++dirs}`);

  /** The whole "commit via Git Data API" flow a GitOps writer performs. */
  async function commitViaGitDataApi(id: { owner: string; repo: string }) {
    const ref = await env.octokit.git.getRef({ ...id, ref: 'heads/main' });
    const parent = await env.octokit.git.getCommit({
      ...id,
      commit_sha: ref.data.object.sha,
    });
    const blob = await env.octokit.git.createBlob({
      ...id,
      content: Buffer.from('replicas: 3\n').toString('base64'),
      encoding: 'base64',
    });
    const tree = await env.octokit.git.createTree({
      ...id,
      base_tree: parent.data.tree.sha,
      tree: [
        {
          path: 'apps/web/kustomization.yaml',
          mode: '100644',
          type: 'blob',
          content: 'resources: []\n',
        },
        {
          path: 'apps/web/values.yaml',
          mode: '100644',
          type: 'blob',
          sha: blob.data.sha,
        },
        { path: 'obsolete.txt', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const commit = await env.octokit.git.createCommit({
      ...id,
      message: 'Deploy web',
      tree: tree.data.sha,
      parents: [parent.data.sha],
    });
    await env.octokit.git.updateRef({
      ...id,
      ref: 'heads/main',
      sha: commit.data.sha,
    });
    return commit.data.sha;
  }

  it.each([
    [
      'the bare repo path',
      (id: { owner: string; repo: string }) =>
        env.emulator.repoPath(id.owner, id.repo),
    ],
    [
      'smart HTTP',
      (id: { owner: string; repo: string }) =>
        env.emulator.gitUrl(id.owner, id.repo),
    ],
  ])('a Git Data API commit is in a clone from %s', async (_source, source) => {
    const id = await env.newRepo({
      'README.md': '# config\n',
      'obsolete.txt': 'old\n',
    });
    const sha = await commitViaGitDataApi(id);
    const dir = newDir();
    await git(['clone', '--quiet', source(id), dir]);
    expect(await git(['rev-parse', 'HEAD'], dir)).toBe(sha);
    expect(await readFile(join(dir, 'apps/web/values.yaml'), 'utf8')).toBe(
      'replicas: 3\n',
    );
    expect(
      await readFile(join(dir, 'apps/web/kustomization.yaml'), 'utf8'),
    ).toBe('resources: []\n');
    expect(await git(['ls-files'], dir)).toBe(
      'README.md\napps/web/kustomization.yaml\napps/web/values.yaml',
    );
  });

  /** The clone URL with credentials, as `publish:github` and CI use it. */
  const urlWithToken = (id: { owner: string; repo: string }, token: string) =>
    env.emulator
      .gitUrl(id.owner, id.repo)
      .replace('http://', `http://x-access-token:${token}@`);

  it('a git push over smart HTTP moves the branch the API reports', async () => {
    const id = await env.newRepo();
    const dir = newDir();
    await git(['clone', '--quiet', urlWithToken(id, TOKEN), dir]);
    await writeFile(join(dir, 'pushed.txt'), 'pushed\n');
    await git(['add', 'pushed.txt'], dir);
    await git(['commit', '--quiet', '-m', 'pushed'], dir);
    await git(
      ['push', '--quiet', 'origin', 'HEAD:main', 'HEAD:refs/heads/topic'],
      dir,
    );
    const local = await git(['rev-parse', 'HEAD'], dir);
    for (const ref of ['heads/main', 'heads/topic']) {
      expect(
        (await env.octokit.git.getRef({ ...id, ref })).data.object.sha,
      ).toBe(local);
    }
    const { data } = await env.octokit.repos.getContent({
      ...id,
      path: 'pushed.txt',
    });
    expect(
      Buffer.from((data as { content: string }).content, 'base64').toString(),
    ).toBe('pushed\n');
  });

  it.each([
    ['a valid token', TOKEN],
    [
      'any other credentials (git only sends them after a 401, which never comes)',
      'whatever',
    ],
  ])('clones with %s in the URL', async (_case, password) => {
    const id = await env.newRepo();
    const url = env.emulator
      .gitUrl(id.owner, id.repo)
      .replace('http://', `http://x-access-token:${password}@`);
    const dir = newDir();
    await git(['clone', '--quiet', url, dir]);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('# test\n');
  });

  it('refuses a preemptively sent Authorization header with an unknown token', async () => {
    const id = await env.newRepo();
    const args = [
      '-c',
      'http.extraHeader=Authorization: Bearer wrong',
      'clone',
      '--quiet',
    ];
    await expect(
      git([...args, env.emulator.gitUrl(id.owner, id.repo), newDir()]),
    ).rejects.toThrow(
      /could not read Username|Authentication failed/, // git's reactions to a 401 challenge
    );
  });

  it('accepts a preemptively sent Authorization header with a listed token', async () => {
    const id = await env.newRepo();
    const args = [
      '-c',
      `http.extraHeader=Authorization: Bearer ${TOKEN}`,
      'clone',
      '--quiet',
    ];
    const dir = newDir();
    await git([...args, env.emulator.gitUrl(id.owner, id.repo), dir]);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('# test\n');
  });

  it.each([
    ['without credentials', null, /could not read Username/],
    ['with an unknown token', 'wrong', /Authentication failed/],
  ])(
    'refuses a push %s (git is challenged with a 401)',
    async (_case, token, error) => {
      const id = await env.newRepo();
      const dir = newDir();
      const url = token
        ? urlWithToken(id, token)
        : env.emulator.gitUrl(id.owner, id.repo);
      await git([
        'clone',
        '--quiet',
        env.emulator.gitUrl(id.owner, id.repo),
        dir,
      ]);
      await git(['commit', '--quiet', '--allow-empty', '-m', 'refused'], dir);
      await expect(
        git(['push', '--quiet', url, 'HEAD:main'], dir),
      ).rejects.toThrow(error);
      const { data } = await env.octokit.git.getRef({
        ...id,
        ref: 'heads/main',
      });
      expect(data.object.sha).not.toBe(await git(['rev-parse', 'HEAD'], dir));
    },
  );

  it('error-after-write on git-receive-pack: the push reports failure but the branch moved', async () => {
    const id = await env.newRepo();
    const dir = newDir();
    await git(['clone', '--quiet', urlWithToken(id, TOKEN), dir]);
    await git(
      ['commit', '--quiet', '--allow-empty', '-m', 'lost response'],
      dir,
    );
    env.emulator.addFault({
      type: 'error-after-write',
      match: { method: 'POST', path: 'git-receive-pack' },
    });
    await expect(
      git(['push', '--quiet', 'origin', 'HEAD:main'], dir),
    ).rejects.toThrow(/502/);
    const { data } = await env.octokit.git.getRef({ ...id, ref: 'heads/main' });
    expect(data.object.sha).toBe(await git(['rev-parse', 'HEAD'], dir));
  });

  it('answers 404 for a repository that does not exist', async () => {
    await expect(
      git([
        'clone',
        '--quiet',
        env.emulator.gitUrl('acme', 'missing'),
        newDir(),
      ]),
    ).rejects.toThrow(/not found|404/i);
  });
});
