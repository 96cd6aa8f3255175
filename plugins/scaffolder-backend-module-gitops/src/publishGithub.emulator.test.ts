import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createPublishGithubAction } from '@backstage/plugin-scaffolder-backend-module-github';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { Octokit } from '@octokit/rest';
import { run } from './__testUtils__/harness';

/**
 * Backstage's own `publish:github` against the github-emulator: repository
 * creation, every settings call the action makes, and the isomorphic-git push
 * (which sends the token only after the emulator's 401 challenge).
 */

const TOKEN = 'ghp_publish-github-test-token';
const LOGIN = 'gitops-bot';
const ORG = 'acme';

const SKELETON: Record<string, string> = {
  'README.md': '# orders\n',
  'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\n',
  'src/index.ts': 'export {};\n',
};

const git = async (args: string[], cwd?: string) =>
  (await run('git', args, cwd)).trim();

describe('publish:github against the github-emulator', () => {
  let emulator: GithubEmulator;
  let tmp: string;
  let octokit: Octokit;
  let counter = 0;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'publish-github-test-'));
    emulator = await startGithubEmulator({
      dataDir: join(tmp, 'data'),
      tokens: [TOKEN],
      login: LOGIN,
    });
    octokit = new Octokit({ auth: TOKEN, baseUrl: emulator.url });
    await octokit.teams.create({ org: ORG, name: 'payments' });
  });
  afterAll(async () => {
    await emulator.close();
    await rm(tmp, { recursive: true, force: true });
  });

  /**
   * Runs the real action with the skeleton in a fresh workspace; returns its
   * outputs. Authenticates with the token, or with `credentials` (an App).
   */
  async function publish(
    input: Record<string, any>,
    credentials: Record<string, unknown> = { token: TOKEN },
  ) {
    const host = new URL(emulator.url).host;
    const config = new ConfigReader({
      integrations: {
        github: [{ host, apiBaseUrl: emulator.apiUrl, ...credentials }],
      },
    });
    const action = createPublishGithubAction({
      integrations: ScmIntegrations.fromConfig(config),
      config,
    });
    const workspacePath = await mkdtemp(join(tmp, 'workspace-'));
    for (const [path, content] of Object.entries(SKELETON)) {
      await mkdir(dirname(join(workspacePath, path)), { recursive: true });
      await writeFile(join(workspacePath, path), content);
    }
    const outputs: Record<string, unknown> = {};
    // Like the task runner: raw JSON input, outputs recorded.
    const ctx: ActionContext<any, any> = {
      ...createMockActionContext({ input, workspacePath }),
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
    };
    await action.handler(ctx);
    return outputs;
  }

  const repoUrlFor = (owner: string, repo: string) =>
    `${new URL(emulator.url).host}?owner=${owner}&repo=${repo}`;

  it.each([
    [
      'an organization (internal, as the new-service template asks)',
      ORG,
      'internal',
    ],
    ['the authenticated user (private, the default)', LOGIN, undefined],
  ])(
    'creates a repository owned by %s and pushes the workspace',
    async (_owner, owner, repoVisibility) => {
      const repo = `orders-${++counter}`;
      const outputs = await publish({
        repoUrl: repoUrlFor(owner, repo),
        description: 'Orders service',
        repoVisibility,
        gitCommitMessage: 'Create orders from the new-service template',
      });

      const dir = join(tmp, `clone-${counter}`);
      await git(['clone', '--quiet', emulator.gitUrl(owner, repo), dir]);
      for (const [path, content] of Object.entries(SKELETON)) {
        expect(await readFile(join(dir, path), 'utf8')).toBe(content);
      }
      expect(await git(['rev-parse', 'HEAD'], dir)).toBe(outputs.commitHash);
      expect(await git(['log', '-1', '--format=%s'], dir)).toBe(
        'Create orders from the new-service template',
      );
      expect(outputs.remoteUrl).toBe(emulator.gitUrl(owner, repo));
      const { data } = await octokit.repos.get({ owner, repo });
      expect(data).toMatchObject({
        default_branch: 'main',
        description: 'Orders service',
        private: true,
        visibility: repoVisibility ?? 'private',
        owner: { type: owner === ORG ? 'Organization' : 'User' },
      });
    },
  );

  describe('repository settings', () => {
    const repo = 'settings-repo';
    const id = { owner: ORG, repo };

    beforeAll(async () => {
      await publish({
        repoUrl: repoUrlFor(ORG, repo),
        repoVisibility: 'public',
        deleteBranchOnMerge: true,
        allowRebaseMerge: false,
        access: `${ORG}/payments`,
        collaborators: [{ user: 'alice', access: 'push' }],
        topics: ['GitOps', 'orders'],
        repoVariables: { REGISTRY: 'ghcr.io/acme' },
        secrets: { DEPLOY_KEY: 'not-a-real-secret' },
        requiredCommitSigning: true,
        requiredStatusCheckContexts: ['ci/build'],
        subscribe: true,
      });
    });

    it.each<[string, () => Promise<unknown>, unknown]>([
      [
        'merge settings',
        async () => (await octokit.repos.get(id)).data,
        {
          private: false,
          delete_branch_on_merge: true,
          allow_rebase_merge: false,
        },
      ],
      [
        'topics (lower-cased by the action)',
        async () => (await octokit.repos.getAllTopics(id)).data,
        { names: ['gitops', 'orders'] },
      ],
      [
        'the team given as access',
        async () => (await octokit.repos.listTeams(id)).data[0],
        { slug: 'payments', permission: 'admin' },
      ],
      [
        'the collaborator',
        async () => (await octokit.repos.listCollaborators(id)).data[0],
        { login: 'alice', role_name: 'push' },
      ],
      [
        'the Actions variable',
        async () => (await octokit.actions.listRepoVariables(id)).data,
        { variables: [expect.objectContaining({ name: 'REGISTRY' })] },
      ],
      [
        'the Actions secret (name only)',
        async () => (await octokit.actions.listRepoSecrets(id)).data,
        {
          total_count: 1,
          secrets: [expect.objectContaining({ name: 'DEPLOY_KEY' })],
        },
      ],
      [
        'branch protection with signed commits',
        async () =>
          (await octokit.repos.getBranchProtection({ ...id, branch: 'main' }))
            .data,
        {
          required_status_checks: expect.objectContaining({
            contexts: ['ci/build'],
          }),
          required_signatures: expect.objectContaining({ enabled: true }),
          enforce_admins: expect.objectContaining({ enabled: true }),
        },
      ],
      [
        'the subscription',
        async () => (await octokit.activity.getRepoSubscription(id)).data,
        { subscribed: true },
      ],
    ])('applies %s', async (_setting, read, expected) => {
      expect(await read()).toMatchObject(expected as object);
    });
  });

  it('publishes with a GitHub App installation token (API and git push)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    emulator.registerApp({ appId: 77, privateKey: pem, installations: [ORG] });
    const outputs = await publish(
      { repoUrl: repoUrlFor(ORG, 'app-published') },
      {
        apps: [
          {
            appId: 77,
            privateKey: pem,
            clientId: 'Iv1.scaffolder',
            clientSecret: 'unused',
            webhookSecret: 'unused',
          },
        ],
      },
    );
    const dir = join(tmp, 'clone-app-published');
    await git(['clone', '--quiet', emulator.gitUrl(ORG, 'app-published'), dir]);
    expect(await git(['rev-parse', 'HEAD'], dir)).toBe(outputs.commitHash);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe(
      SKELETON['README.md'],
    );
  });

  it('fails when the repository already exists', async () => {
    await emulator.createRepo(ORG, 'taken', { files: { 'a.txt': 'a\n' } });
    await expect(
      publish({ repoUrl: repoUrlFor(ORG, 'taken') }),
    ).rejects.toThrow(/name already exists on this account/);
  });

  it('fails when the access team does not exist', async () => {
    await expect(
      publish({ repoUrl: repoUrlFor(ORG, 'no-team'), access: `${ORG}/ghosts` }),
    ).rejects.toThrow(/ghosts was not found/);
  });
});
