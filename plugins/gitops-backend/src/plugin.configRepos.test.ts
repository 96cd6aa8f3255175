import { mockCredentials } from '@backstage/backend-test-utils';
import { GithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import request from 'supertest';
import { startClusters } from './__testUtils__/clusters';
import {
  GithubHosts,
  startCachedBackend,
  startGithubHosts,
} from './__testUtils__/configRepoHosts';

/*
 * Issue 15 point 3, several config repos: each environment's Application names its own repo, on github.com
 * (`gitops.configRepo`'s host) or on a GitHub Enterprise host of `integrations.github` (a second github-emulator on
 * another port). The change is read and written where the target environment's live objects deploy from.
 */

const TOKEN = 'config-repos-token';
const GHE_TOKEN = 'config-repos-ghe-token';
const ID = 'backstage.io/kubernetes-id';
const UNKNOWN_REPO = 'https://git.unknown.example/acme/shop-config.git';
let hosts: GithubHosts;
let github: GithubEmulator;
let ghe: GithubEmulator;
let clusters: KubeEmulator;
let started: Awaited<ReturnType<typeof startCachedBackend>>;

/** The portal's generated service (`apps/<service>/…`), moved under `folder` of a repo. */
function serviceFiles(
  folder: string,
  service = 'shop',
): Record<string, string> {
  const files = generateServiceManifests({
    name: service,
    team: 'team-a',
    image: `ghcr.io/acme/${service}`,
    environments: [
      { name: 'staging', replicas: 1, imageTag: '1.4.0' },
      { name: 'prod', replicas: 2, imageTag: '1.3.0' },
    ],
    delivery: { engine: 'argocd', repoUrl: 'https://github.com/acme/other' },
  });
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`apps/${service}/`))
      .map(([path, text]) => [path.replace(/^apps\//, folder), text]),
  );
}

const application = (
  name: string,
  repoURL: string,
  path: string,
  { service = 'shop', targetRevision = 'main' } = {},
) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd', labels: { [ID]: service } },
  spec: {
    project: 'default',
    source: { repoURL, path, targetRevision },
  },
  status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } },
});

/** A branch `name` of a repo at its main's head commit. */
async function branchFromMain(
  host: GithubEmulator,
  token: string,
  repo: string,
  name: string,
) {
  const headers = { authorization: `token ${token}` };
  const main = await fetch(`${host.url}/repos/${repo}/git/refs/heads/main`, {
    headers,
  }).then(r => r.json());
  const created = await fetch(`${host.url}/repos/${repo}/git/refs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ref: `refs/heads/${name}`, sha: main.object.sha }),
  });
  expect(created.status).toBe(201);
}

const pullsOf = (host: GithubEmulator, token: string, repo: string) =>
  fetch(`${host.url}/repos/${repo}/pulls?state=all`, {
    headers: { authorization: `token ${token}` },
  }).then(r => r.json());

const promote = (to: string, dryRun = true, service = 'shop') =>
  request(started.server)
    .post(
      `/api/gitops/entities/component/default/${service}/promotions${
        dryRun ? '?dryRun=true' : ''
      }`,
    )
    .set('authorization', mockCredentials.user.header())
    .send({ from: 'staging', to });

beforeAll(async () => {
  hosts = await startGithubHosts('gitops-config-repos-', {
    github: TOKEN,
    ghe: GHE_TOKEN,
  });
  github = hosts.github;
  ghe = hosts.ghe!.github;
  await github.createRepo('acme', 'gitops-config', {
    files: {
      ...serviceFiles('services/'),
      ...serviceFiles('services/', 'cart'),
    },
  });
  await ghe.createRepo('platform', 'prod-config', {
    files: { ...serviceFiles('teams/a/'), ...serviceFiles('teams/a/', 'cart') },
  });
  await branchFromMain(ghe, GHE_TOKEN, 'platform/prod-config', 'release');
  const onGithub = github.gitUrl('acme', 'gitops-config');
  const onGhe = ghe.gitUrl('platform', 'prod-config');
  clusters = await startClusters(['staging', 'prod', 'dev', 'qa']);
  clusters.cluster('staging').apply([
    application('shop-staging', onGithub, 'services/shop/overlays/staging'),
    application('cart-staging', onGithub, 'services/cart/overlays/staging', {
      service: 'cart',
    }),
  ]);
  clusters.cluster('prod').apply([
    application('shop-prod', onGhe, 'teams/a/shop/overlays/prod'),
    application('cart-prod', onGhe, 'teams/a/cart/overlays/prod', {
      service: 'cart',
      targetRevision: 'release',
    }),
  ]);
  clusters
    .cluster('dev')
    .apply([application('shop-dev', UNKNOWN_REPO, 'shop/dev')]);
  clusters
    .cluster('qa')
    .apply([
      application('shop-qa', onGithub, 'services/shop/overlays/prod'),
      application('shop-qa-extra', onGhe, 'teams/a/shop/overlays/prod'),
    ]);
  started = await startCachedBackend({
    hosts,
    clusters,
    services: ['shop', 'cart'],
    cached: { shop: 5 },
  });
});

afterAll(async () => {
  await started?.stop();
  await clusters?.close();
  await hosts?.close();
});

describe('config repos on several integrations.github hosts', () => {
  it("reads each environment's files from the repo its Application names, on either host", async () => {
    const response = await promote('prod');

    expect(response.status).toBe(200);
    expect([
      response.body.files.map((f: { path: string }) => f.path),
      response.body.filesFrom,
    ]).toEqual([
      ['teams/a/shop/overlays/prod/kustomization.yaml'],
      [
        'staging: from Application argocd/shop-staging spec.source.path (cluster staging)',
        'prod: from Application argocd/shop-prod spec.source.path (cluster prod)',
      ],
    ]);
    expect(response.body.files[0].diff).toMatch(
      /-\s+newTag: 1\.3\.0\n\+\s+newTag: 1\.4\.0/,
    );
  });

  it("opens the pull request on the GitHub Enterprise host's repo, through its integration, and none on github.com", async () => {
    const response = await promote('prod', false);

    expect(response.status).toBe(201);
    const [onGhe, onGithub] = await Promise.all([
      pullsOf(ghe, GHE_TOKEN, 'platform/prod-config'),
      pullsOf(github, TOKEN, 'acme/gitops-config'),
    ]);
    expect([onGhe.map((p: { number: number }) => p.number), onGithub]).toEqual([
      [response.body.number],
      [],
    ]);
  });

  it('opens the pull request on the branch the target Application tracks', async () => {
    const response = await promote('prod', false, 'cart');

    expect(response.status).toBe(201);
    const pulls = await pullsOf(ghe, GHE_TOKEN, 'platform/prod-config');
    expect(
      pulls
        .filter((p: { number: number }) => p.number === response.body.number)
        .map((p: { base: { ref: string } }) => p.base.ref),
    ).toEqual(['release']);
  });

  it('refuses an Application whose repoURL matches no integration, naming it, and opens nothing', async () => {
    const response = await promote('dev', false);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      `Application argocd/shop-dev (cluster dev): its sources name no folder or values file of a config repo (${UNKNOWN_REPO}, which matches no integrations.github host)`,
    );
    expect(await pullsOf(github, TOKEN, 'acme/gitops-config')).toEqual([]);
  });

  it('refuses two repos claiming one service and environment, naming both', async () => {
    const response = await promote('qa', false);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      `Two config repos claim component:default/shop in qa: ${github.gitUrl(
        'acme',
        'gitops-config',
      )}@main (Application argocd/shop-qa spec.source.path (cluster qa)) and ${ghe.gitUrl(
        'platform',
        'prod-config',
      )}@main (Application argocd/shop-qa-extra spec.source.path (cluster qa)); the portal cannot tell which to edit`,
    );
  });
});

describe('GET /entities/:kind/:namespace/:name/layout', () => {
  it("gives each environment's places and the repo they are in, on either host", async () => {
    const response = await request(started.server)
      .get('/api/gitops/entities/component/default/cart/layout')
      .set('authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(
      response.body.environments.map(
        (e: { environment: string; repoUrl: string; locations: [] }) => [
          e.environment,
          e.repoUrl,
          e.locations.map((l: { path: string }) => l.path),
        ],
      ),
    ).toEqual([
      [
        'staging',
        github.gitUrl('acme', 'gitops-config'),
        ['services/cart/overlays/staging/'],
      ],
      [
        'prod',
        ghe.gitUrl('platform', 'prod-config'),
        ['teams/a/cart/overlays/prod/'],
      ],
    ]);
  });
});
