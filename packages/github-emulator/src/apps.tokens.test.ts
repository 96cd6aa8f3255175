import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PORTAL_APP_ID, usePortalApp } from './__testUtils__/appJwt';
import {
  commitFiles,
  git,
  octokitFor,
  requestError,
} from './__testUtils__/harness';

const APP_ID = PORTAL_APP_ID;

describe('GitHub App installation tokens', () => {
  const { env, key, asApp } = usePortalApp();

  /** An installation token for `account` (optionally narrowed to repositories). */
  async function installationToken(account: string, repositories?: string[]) {
    const { data: installation } = await asApp().apps.getOrgInstallation({
      org: account,
    });
    const { data } = await asApp().apps.createInstallationAccessToken({
      installation_id: installation.id,
      repositories,
    });
    return data.token;
  }

  it('issues an installation token that authenticates API calls', async () => {
    const id = await env.newRepo();
    const token = await installationToken('acme');
    expect(token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    const { data } = await octokitFor(env.emulator.url, token).repos.get(id);
    expect(data.full_name).toBe(`acme/${id.repo}`);
  });

  it('pushes over smart HTTP with the installation token as password', async () => {
    const id = await env.newRepo();
    const token = await installationToken('acme');
    const url = env.emulator
      .gitUrl(id.owner, id.repo)
      .replace('http://', `http://x-access-token:${token}@`);
    const dir = env.dir(`push-${id.repo}`);
    await git(['clone', '--quiet', url, dir]);
    await writeFile(join(dir, 'app.txt'), 'from the app\n');
    await git(['add', 'app.txt'], dir);
    await git(['commit', '--quiet', '-m', 'by the app'], dir);
    await git(['push', '--quiet', 'origin', 'HEAD:main'], dir);
    const { data } = await env.octokit.git.getRef({ ...id, ref: 'heads/main' });
    expect(data.object.sha).toBe(await git(['rev-parse', 'HEAD'], dir));
  });

  it.each([
    [
      'GET /user',
      (token: string) =>
        octokitFor(env.emulator.url, token).users.getAuthenticated(),
      403,
    ],
    [
      'a repository of another account',
      async (token: string) => {
        await env.emulator.createRepo('elsewhere', 'private-repo');
        return octokitFor(env.emulator.url, token).repos.get({
          owner: 'elsewhere',
          repo: 'private-repo',
        });
      },
      404,
    ],
  ])('an installation token cannot reach %s', async (_case, call, status) => {
    const token = await installationToken('acme');
    expect((await requestError(call(token))).status).toBe(status);
  });

  it('a selected-repositories installation sees only those repositories', async () => {
    await env.emulator.createRepo('partner', 'shared', { files: { a: 'a\n' } });
    await env.emulator.createRepo('partner', 'hidden', { files: { a: 'a\n' } });
    const octokit = octokitFor(
      env.emulator.url,
      await installationToken('partner'),
    );
    const { data } = await octokit.apps.listReposAccessibleToInstallation();
    expect(data.repositories.map(repo => repo.name)).toEqual(['shared']);
    expect(
      (
        await requestError(
          octokit.repos.get({ owner: 'partner', repo: 'hidden' }),
        )
      ).status,
    ).toBe(404);
  });

  it('refuses a token request for a repository outside the installation', async () => {
    const { data: installation } = await asApp().apps.getOrgInstallation({
      org: 'partner',
    });
    const error = await requestError(
      asApp().apps.createInstallationAccessToken({
        installation_id: installation.id,
        repositories: ['hidden'],
      }),
    );
    expect(error.status).toBe(422);
  });

  it.each([
    [
      'an installation token, GitHub as author',
      'verified',
      'app',
      {},
      { verified: true, reason: 'valid' },
    ],
    [
      'an installation token with a custom author',
      'unsigned',
      'app',
      { author: { name: 'Alice', email: 'alice@example.com' } },
      { verified: false, reason: 'unsigned' },
    ],
    [
      'a personal access token',
      'unsigned',
      'pat',
      {},
      { verified: false, reason: 'unsigned' },
    ],
  ])(
    'a Git Data API commit made with %s is %s',
    async (_case, _label, credential, extra, verification) => {
      const id = await env.newRepo();
      const token =
        credential === 'app' ? await installationToken('acme') : 'test-token';
      const octokit = octokitFor(env.emulator.url, token);
      const base = (await octokit.git.getRef({ ...id, ref: 'heads/main' })).data
        .object.sha;
      const tree = (await octokit.git.getCommit({ ...id, commit_sha: base }))
        .data.tree.sha;
      const { data: created } = await octokit.git.createCommit({
        ...id,
        message: 'm',
        tree,
        parents: [base],
        ...extra,
      });
      expect(created.verification).toMatchObject(verification);
      const { data: read } = await env.octokit.repos.getCommit({
        ...id,
        ref: created.sha,
      });
      expect(read.commit.verification).toMatchObject(verification);
    },
  );

  it('opens pull requests as the App bot', async () => {
    const id = await env.newRepo();
    const octokit = octokitFor(
      env.emulator.url,
      await installationToken('acme'),
    );
    await commitFiles(octokit, id, 'feature', { 'x.txt': 'x\n' });
    const { data } = await octokit.pulls.create({
      ...id,
      title: 't',
      head: 'feature',
      base: 'main',
    });
    expect(data.user).toMatchObject({
      login: 'gitops-portal[bot]',
      type: 'Bot',
    });
  });

  it('registering the App again revokes its tokens', async () => {
    const id = await env.newRepo();
    const token = await installationToken('acme');
    const registered = env.emulator.registerApp({
      appId: APP_ID,
      slug: 'gitops-portal',
      publicKey: key.publicKey,
      installations: ['acme'],
    });
    expect(registered.installations).toEqual([
      { id: expect.any(Number), account: 'acme' },
    ]);
    const error = await requestError(
      octokitFor(env.emulator.url, token).repos.get(id),
    );
    expect(error.status).toBe(401);
  });
});
