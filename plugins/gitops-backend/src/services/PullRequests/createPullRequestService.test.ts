import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPullRequestService } from './createPullRequestService';

const KUBECTL =
  [resolve(__dirname, '../../../../../.tools/kubectl/kubectl/kubectl')].find(
    existsSync,
  ) ?? 'kubectl';
const TOKEN = 'rollback-test-token';
const STAGING = 'apps/shop/overlays/staging/kustomization.yaml';

/** Rollbacks to a revision (promotions: createPullRequestService.promote.test.ts). */
describe('PullRequestService.rollback to a revision', () => {
  let dataDir: string;
  let github: GithubEmulator;
  let counter = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gitops-rollback-'));
    github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  });
  afterAll(async () => {
    await github?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The emulator's REST API, as any GitHub client calls it (`repo` relative). */
  async function api(repo: string, path: string, init: RequestInit = {}) {
    const response = await fetch(`${github.url}/repos/acme/${repo}${path}`, {
      ...init,
      headers: {
        authorization: `token ${TOKEN}`,
        'content-type': 'application/json',
      },
    });
    return response.json();
  }

  /** Sets staging's image tag on main with one commit; returns its SHA. */
  async function deploy(repo: string, tag: string): Promise<string> {
    const file = await api(repo, `/contents/${STAGING}`);
    const text = Buffer.from(file.content, 'base64').toString('utf8');
    const written = await api(repo, `/contents/${STAGING}`, {
      method: 'PUT',
      body: JSON.stringify({
        message: `Deploy shop ${tag} to staging`,
        sha: file.sha,
        content: Buffer.from(
          text.replace(/newTag: \S+/, `newTag: ${tag}`),
        ).toString('base64'),
      }),
    });
    return written.commit.sha;
  }

  /** A config repo where staging went 1.3.0 -> 1.3.5 -> 1.3.9; the service and the 1.3.5 revision. */
  async function setup() {
    const repo = `gitops-config-${++counter}`;
    await github.createRepo('acme', repo, {
      files: generateServiceManifests({
        name: 'shop',
        team: 'team-a',
        image: 'ghcr.io/acme/shop',
        environments: [
          { name: 'dev', replicas: 1, imageTag: '1.4.0' },
          { name: 'staging', replicas: 2, imageTag: '1.3.0' },
        ],
        delivery: { engine: 'argocd', repoUrl: github.gitUrl('acme', repo) },
      }),
    });
    const good = await deploy(repo, '1.3.5');
    await deploy(repo, '1.3.9');
    const host = new URL(github.url).host;
    const service = createPullRequestService({
      config: mockServices.rootConfig({
        data: {
          integrations: {
            github: [{ host, apiBaseUrl: github.url, token: TOKEN }],
          },
          gitops: {
            configRepo: { host, owner: 'acme', repo, branch: 'main' },
            validation: { kubectlPath: KUBECTL },
          },
        },
      }),
      logger: mockServices.logger.mock(),
    });
    return { repo, good, service };
  }

  /** One repo for the refusals: none of them writes, so they need no fresh state. */
  let refusals: ReturnType<typeof setup> | undefined;

  const rollback = (
    service: ReturnType<typeof createPullRequestService>,
    toRevision: string,
  ) =>
    service.rollback({
      entityRef: 'component:default/shop',
      service: 'shop',
      environment: 'staging',
      toRevision,
    });

  it('opens a pull request restoring the overlay, naming the revision', async () => {
    const { repo, good, service } = await setup();
    const result = await rollback(service, good.slice(0, 7));
    const pull = await api(repo, `/pulls/${result.number}`);
    expect(pull.title).toBe(`Roll back shop in staging to ${good.slice(0, 7)}`);
    expect(pull.body).toContain(`at revision ${good}`);
    expect(pull.body).toContain('"Deploy shop 1.3.5 to staging"');
    const files: Array<{ filename: string; patch: string }> = await api(
      repo,
      `/pulls/${result.number}/files`,
    );
    expect(files.map(f => f.filename)).toEqual([STAGING]);
    expect(files[0].patch).toContain('-    newTag: 1.3.9');
    expect(files[0].patch).toContain('+    newTag: 1.3.5');
  });

  it.each([
    ['an unknown revision', async () => 'deadbeefdeadbeef', NotFoundError],
    ['a ref name instead of a SHA', async () => 'HEAD~1', InputError],
    [
      'the revision the overlay already matches',
      async (repo: string) =>
        (await api(repo, '/git/ref/heads/main')).object.sha as string,
      ConflictError,
    ],
  ])('refuses %s', async (_case, revisionFor, errorType) => {
    const { repo, service } = await (refusals ??= setup());
    const error = await rollback(service, await revisionFor(repo)).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(errorType);
  });
});
