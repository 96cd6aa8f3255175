import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { clusterConfigEntry, startClusters } from './__testUtils__/clusters';
import { startConfigRepoTestBackend } from './__testUtils__/configRepoBackend';
import { waitFor } from './__testUtils__/waitFor';

/*
 * Issue 15 point 3 through the REST routes: the files a promotion or rollback edits come from the live objects
 * mapped to the entity (kube-emulator), in a config repo (github-emulator) laid out where no built-in layout
 * looks (`services/<service>/…`).
 */

const TOKEN = 'layout-test-token';
const ID = 'backstage.io/kubernetes-id';
let dataDir: string;
let github: GithubEmulator;
let clusters: KubeEmulator;
let started: Awaited<ReturnType<typeof startConfigRepoTestBackend>>;

/** The portal's generated service, moved from `apps/shop/` to `services/shop/` (the built-in layouts miss it). */
function configRepoFiles(): Record<string, string> {
  const files = generateServiceManifests({
    name: 'shop',
    team: 'team-a',
    image: 'ghcr.io/acme/shop',
    environments: [
      { name: 'staging', replicas: 1, imageTag: '1.4.0' },
      { name: 'prod', replicas: 2, imageTag: '1.3.0' },
    ],
    delivery: { engine: 'argocd', repoUrl: 'https://github.com/acme/other' },
  });
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith('apps/shop/'))
      .map(([path, text]) => [path.replace(/^apps\//, 'services/'), text]),
  );
}

/** staging: an Argo CD Application; prod: a Flux Kustomization reading a GitRepository of the config repo. */
function liveObjects(repoUrl: string) {
  const labels = { [ID]: 'shop' };
  return {
    staging: [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'shop-staging', namespace: 'argocd', labels },
        spec: {
          project: 'default',
          source: {
            repoURL: repoUrl,
            path: 'services/shop/overlays/staging',
            targetRevision: 'main',
          },
        },
        status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } },
      },
    ],
    prod: [
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: 'gitops-config', namespace: 'flux-system' },
        spec: { url: repoUrl.replace(/\.git$/, ''), ref: { branch: 'main' } },
      },
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'shop', namespace: 'flux-system', labels },
        spec: {
          path: './services/shop/overlays/prod',
          sourceRef: { kind: 'GitRepository', name: 'gitops-config' },
        },
      },
    ],
  };
}

/** A dry run of `route` on component:default/shop (send the body). */
const post = (route: 'promotions' | 'rollbacks') =>
  request(started.server)
    .post(`/api/gitops/entities/component/default/shop/${route}?dryRun=true`)
    .set('authorization', mockCredentials.user.header());

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-layout-'));
  github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  await github.createRepo('acme', 'gitops-config', {
    files: configRepoFiles(),
  });
  // dev runs nothing of shop.
  clusters = await startClusters(['dev', 'staging', 'prod']);
  const live = liveObjects(github.gitUrl('acme', 'gitops-config'));
  clusters.cluster('staging').apply(live.staging);
  clusters.cluster('prod').apply(live.prod);
  started = await startConfigRepoTestBackend({
    github,
    token: TOKEN,
    permission: AuthorizeResult.ALLOW,
    clusters: clusters.clusters.map(cluster => clusterConfigEntry(cluster)),
  });
  // The GitRepository is no object of the entity: the overview lists it once the prod cluster is read.
  await waitFor('the live objects cached', async () => {
    const status = await request(started.server)
      .get('/api/gitops/entities/component/default/shop/status')
      .set('authorization', mockCredentials.user.header());
    const overview = await request(started.server)
      .get('/api/gitops/overview?q=gitops-config')
      .set('authorization', mockCredentials.user.header());
    return status.body.objects?.length === 2 && overview.body.total === 1;
  });
});

afterAll(async () => {
  await started?.stop();
  await clusters?.close();
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('promotions and rollbacks edit the files the live objects deploy', () => {
  it("promotes into the Kustomization's spec.path, saying where each environment's files came from", async () => {
    const response = await post('promotions').send({
      from: 'staging',
      to: 'prod',
    });

    expect(response.status).toBe(200);
    expect(response.body.files.map((f: { path: string }) => f.path)).toEqual([
      'services/shop/overlays/prod/kustomization.yaml',
    ]);
    expect(response.body.files[0].diff).toMatch(
      /-\s+newTag: 1\.3\.0\n\+\s+newTag: 1\.4\.0/,
    );
    expect(response.body.filesFrom).toEqual([
      'staging: from Application argocd/shop-staging spec.source.path (cluster staging)',
      'prod: from Kustomization flux-system/shop spec.path (cluster prod)',
    ]);
  });

  it("rolls back the folder the environment's live object deploys", async () => {
    const response = await post('rollbacks').send({
      environment: 'prod',
    });

    // The repo has one commit: the rollback finds the folder and says there is nothing before it.
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'services/shop/overlays/prod was created by the first commit; there is nothing to roll back to',
    );
  });

  it('promotes the version asked for, and refuses one the source environment does not run', async () => {
    const asked = await post('promotions').send({
      from: 'staging',
      to: 'prod',
      version: '1.4.0',
    });
    const other = await post('promotions').send({
      from: 'staging',
      to: 'prod',
      version: '9.9.9',
    });

    expect([asked.status, other.status]).toEqual([200, 400]);
    expect(other.body.error.message).toMatch(
      /^No version 9\.9\.9 of shop to promote from staging to prod on main: looked under services\/shop\/overlays\/staging\//,
    );
  });

  it('refuses a version that is no tag, digest or chart version, naming the field', async () => {
    const response = await post('promotions').send({
      from: 'staging',
      to: 'prod',
      version: '../1.4.0',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^version:/);
  });

  it('answers 400 naming the service, the environment and what it looked at when nothing says which files, and opens nothing', async () => {
    const pullsBefore = await fetch(
      `${github.url}/repos/acme/gitops-config/pulls?state=all`,
      { headers: { authorization: `token ${TOKEN}` } },
    ).then(r => r.json());

    // No live object deploys shop in dev (a known environment: its cluster is watched), no layout has files there.
    const response = await request(started.server)
      .post('/api/gitops/entities/component/default/shop/promotions')
      .set('authorization', mockCredentials.user.header())
      .send({ from: 'staging', to: 'dev' });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'Cannot tell which files of shop to edit in dev: live objects in dev: no Argo CD Application, Flux Kustomization or HelmRelease of component:default/shop in dev; path templates tried: none configured; layouts tried: apps/{service}/overlays/{env}/',
    );
    const pullsAfter = await fetch(
      `${github.url}/repos/acme/gitops-config/pulls?state=all`,
      { headers: { authorization: `token ${TOKEN}` } },
    ).then(r => r.json());
    expect(pullsAfter).toEqual(pullsBefore);
  });
});

describe('gitops.configRepo.pathTemplate', () => {
  it('finds the files where no live object says (no clusters here)', async () => {
    const backend = await startConfigRepoTestBackend({
      github,
      token: TOKEN,
      permission: AuthorizeResult.ALLOW,
      pathTemplate: 'services/{service}/overlays/{env}/',
    });
    try {
      const response = await request(backend.server)
        .post(
          '/api/gitops/entities/component/default/shop/promotions?dryRun=true',
        )
        .set('authorization', mockCredentials.user.header())
        .send({ from: 'staging', to: 'prod' });

      expect(response.status).toBe(200);
      expect(response.body.filesFrom).toEqual([
        'staging: from path template services/{service}/overlays/{env}/ (services/shop/overlays/staging/)',
        'prod: from path template services/{service}/overlays/{env}/ (services/shop/overlays/prod/)',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('stops the backend at start-up when the template leaves the repo, naming the key', async () => {
    const attempt = startConfigRepoTestBackend({
      github,
      token: TOKEN,
      permission: AuthorizeResult.ALLOW,
      pathTemplate: '../other/{env}/',
    });

    await expect(attempt).rejects.toThrow(
      /Invalid config gitops.configRepo.pathTemplate "..\/other\/\{env\}\/": must not contain a '..' segment/,
    );
  });
});
