import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startConfigRepoTestBackend } from './__testUtils__/configRepoBackend';

const TOKEN = 'promotion-test-token';
let dataDir: string;
let github: GithubEmulator;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-promotions-'));
  github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  await github.createRepo('acme', 'gitops-config', {
    files: generateServiceManifests({
      name: 'shop',
      team: 'team-a',
      image: 'ghcr.io/acme/shop',
      environments: [
        { name: 'dev', replicas: 1, imageTag: '1.4.0' },
        { name: 'staging', replicas: 2, imageTag: '1.3.0' },
      ],
      delivery: {
        engine: 'argocd',
        repoUrl: github.gitUrl('acme', 'gitops-config'),
      },
    }),
  });
});

type Permission = AuthorizeResult.ALLOW | AuthorizeResult.DENY;
type TestBackend = Awaited<ReturnType<typeof startConfigRepoTestBackend>>;

/**
 * One backend per permission for the file, started on first use: each request reads the config repo, so commits
 * made after it started show.
 */
const backends = new Map<Permission, Promise<TestBackend>>();

afterAll(async () => {
  for (const backend of backends.values()) await (await backend).stop();
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function backendFor(permission: Permission) {
  if (!backends.has(permission)) {
    backends.set(
      permission,
      startConfigRepoTestBackend({ github, token: TOKEN, permission }),
    );
  }
  return (await backends.get(permission)!).server;
}

const post = (
  server: Parameters<typeof request>[0],
  route: 'promotions' | 'rollbacks',
  body: object,
) =>
  request(server)
    .post(`/api/gitops/entities/component/default/shop/${route}`)
    .set('authorization', mockCredentials.user.header())
    .send(body);
const promote = (server: Parameters<typeof request>[0], body: object) =>
  post(server, 'promotions', body);

/** The GitHub emulator's REST API, as any client would call it. */
async function github_(path: string, init: RequestInit = {}) {
  const response = await fetch(`${github.url}${path}`, {
    ...init,
    headers: {
      authorization: `token ${TOKEN}`,
      'content-type': 'application/json',
    },
  });
  return response.json();
}

const pullRequestFiles = (number: number) =>
  github_(`/repos/acme/gitops-config/pulls/${number}/files`) as Promise<
    Array<{ filename: string; patch: string }>
  >;

/** The config repo's branch names and pull request numbers: what a dry run must leave as it is. */
async function repoWrites() {
  const branches: Array<{ name: string }> = await github_(
    '/repos/acme/gitops-config/branches?per_page=100',
  );
  const pulls: Array<{ number: number }> = await github_(
    '/repos/acme/gitops-config/pulls?state=all',
  );
  return {
    branches: branches.map(b => b.name).sort(),
    pulls: pulls.map(p => p.number),
  };
}

describe('POST …/promotions and …/rollbacks with dryRun=true', () => {
  const dryRun = (
    server: Parameters<typeof request>[0],
    route: 'promotions' | 'rollbacks',
    body: object,
    query = 'dryRun=true',
  ) =>
    request(server)
      .post(`/api/gitops/entities/component/default/shop/${route}?${query}`)
      .set('authorization', mockCredentials.user.header())
      .send(body);

  it('answers with the validated change as a diff, and writes nothing', async () => {
    const server = await backendFor(AuthorizeResult.ALLOW);
    const before = await repoWrites();

    const response = await dryRun(server, 'promotions', {
      from: 'dev',
      to: 'staging',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'preview',
      branch: 'gitops/promote/shop-staging',
      files: [
        {
          path: 'apps/shop/overlays/staging/kustomization.yaml',
          change: 'write',
        },
      ],
    });
    expect(response.body.files[0].diff).toMatch(
      /-\s+newTag: 1\.3\.0\n\+\s+newTag: 1\.4\.0/,
    );
    expect(await repoWrites()).toEqual(before);
  });

  it('refuses a caller who may not promote the entity, naming the permission', async () => {
    const server = await backendFor(AuthorizeResult.DENY);
    const response = await dryRun(server, 'promotions', {
      from: 'dev',
      to: 'staging',
    });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain('gitops.promote');
  });

  it('answers 400 naming dryRun for a value that is not true or false', async () => {
    const server = await backendFor(AuthorizeResult.ALLOW);
    const response = await dryRun(
      server,
      'rollbacks',
      { environment: 'staging' },
      'dryRun=yes',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^dryRun:/);
  });
});

describe('POST /entities/:kind/:namespace/:name/promotions', () => {
  it('opens a pull request that copies the image to the next environment', async () => {
    const server = await backendFor(AuthorizeResult.ALLOW);
    const response = await promote(server, { from: 'dev', to: 'staging' });
    expect(response.status).toBe(201);
    expect(response.body.branch).toBe('gitops/promote/shop-staging');
    const { data: files } = await fetch(
      `${github.url}/repos/acme/gitops-config/pulls/${response.body.number}/files`,
      { headers: { authorization: `token ${TOKEN}` } },
    ).then(async r => ({
      data: (await r.json()) as Array<{ filename: string; patch: string }>,
    }));
    expect(files.map(f => f.filename)).toEqual([
      'apps/shop/overlays/staging/kustomization.yaml',
    ]);
    expect(files[0].patch).toContain('+    newTag: 1.4.0');
  });

  it('answers 403 when the caller may not promote the entity', async () => {
    const server = await backendFor(AuthorizeResult.DENY);
    const response = await promote(server, { from: 'dev', to: 'staging' });
    expect(response.status).toBe(403);
  });

  it.each([[{ from: 'dev' }], [{ from: 'dev', to: 'dev' }]])(
    'answers 400 for a bad request %j',
    async body => {
      const server = await backendFor(AuthorizeResult.ALLOW);
      expect((await promote(server, body)).status).toBe(400);
    },
  );
});

const STAGING = 'apps/shop/overlays/staging/kustomization.yaml';

/** Someone changes staging's image on main (one commit); returns the commit SHA. */
async function deployToStaging(tag: string): Promise<string> {
  const current = await github_(
    `/repos/acme/gitops-config/contents/${STAGING}`,
  );
  const text = Buffer.from(current.content, 'base64').toString('utf8');
  const written = await github_(
    `/repos/acme/gitops-config/contents/${STAGING}`,
    {
      method: 'PUT',
      body: JSON.stringify({
        message: `Deploy shop ${tag} to staging`,
        sha: current.sha,
        content: Buffer.from(
          text.replace(/newTag: \S+/, `newTag: ${tag}`),
        ).toString('base64'),
      }),
    },
  );
  return written.commit.sha;
}

describe('POST /entities/:kind/:namespace/:name/rollbacks', () => {
  it("opens a pull request that reverts the last change to the environment's overlay", async () => {
    await deployToStaging('1.3.9');

    const server = await backendFor(AuthorizeResult.ALLOW);
    const response = await post(server, 'rollbacks', {
      environment: 'staging',
    });
    expect(response.status).toBe(201);
    expect(response.body.branch).toBe('gitops/rollback/shop-staging');
    const files = await pullRequestFiles(response.body.number);
    expect(files.map(f => f.filename)).toEqual([STAGING]);
    expect(files[0].patch).toContain('-    newTag: 1.3.9');
    expect(files[0].patch).toContain('+    newTag: 1.3.0');
  });

  it.each([['main~1'], ['not-a-sha'], ['']])(
    'answers 400 for toRevision %j, which is not a commit SHA',
    async toRevision => {
      const server = await backendFor(AuthorizeResult.ALLOW);
      const response = await post(server, 'rollbacks', {
        environment: 'staging',
        toRevision,
      });
      expect(response.status).toBe(400);
    },
  );

  it('answers 403 when the caller may not roll back the entity', async () => {
    const server = await backendFor(AuthorizeResult.DENY);
    const response = await post(server, 'rollbacks', {
      environment: 'staging',
    });
    expect(response.status).toBe(403);
  });

  it('opens a pull request that restores the overlay to toRevision, naming the revision', async () => {
    const good = await deployToStaging('1.3.7');
    await deployToStaging('1.4.2');
    const server = await backendFor(AuthorizeResult.ALLOW);
    const response = await post(server, 'rollbacks', {
      environment: 'staging',
      toRevision: good.slice(0, 7),
    });
    expect(response.status).toBe(201);
    const pull = await github_(
      `/repos/acme/gitops-config/pulls/${response.body.number}`,
    );
    expect(pull.body).toContain(`at revision ${good}`);
    const files = await pullRequestFiles(response.body.number);
    expect(files.map(f => f.filename)).toEqual([STAGING]);
    expect(files[0].patch).toContain('-    newTag: 1.4.2');
    expect(files[0].patch).toContain('+    newTag: 1.3.7');
  });

  it('answers 404 for a toRevision the config repo does not have', async () => {
    const server = await backendFor(AuthorizeResult.ALLOW);
    const response = await post(server, 'rollbacks', {
      environment: 'staging',
      toRevision: 'deadbeefdeadbeef',
    });
    expect(response.status).toBe(404);
  });
});
