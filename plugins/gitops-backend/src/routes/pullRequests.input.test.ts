import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { clusterConfigEntry, startClusters } from '../__testUtils__/clusters';
import { KUBECTL } from '../__testUtils__/configRepoBackend';
import { component } from '../__testUtils__/fixtures';
import { gitopsPlugin } from '../plugin';

/*
 * Bad input to the pull request routes is refused at the edge: a 400 naming the field, and the config repo is
 * never touched. Clusters `dev` and `staging` are configured, each its own environment.
 */

const TOKEN = 'input-test-token';
const REPO = '/repos/acme/gitops-config';
let dataDir: string;
let github: GithubEmulator;
let clusters: KubeEmulator;
let server: Parameters<typeof request>[0];

/** The GitHub emulator's REST API, as any client calls it. */
async function githubApi(path: string) {
  const response = await fetch(`${github.url}${REPO}${path}`, {
    headers: { authorization: `token ${TOKEN}` },
  });
  return response.json();
}

/** Every branch and pull request of the config repo: what a write would change. */
const repoState = async () => ({
  refs: (
    (await githubApi('/git/matching-refs/heads/')) as Array<{
      ref: string;
      object: { sha: string };
    }>
  ).map(ref => `${ref.ref}@${ref.object.sha}`),
  pulls: ((await githubApi('/pulls?state=all')) as Array<{ number: number }>)
    .length,
});

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-input-'));
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
  clusters = await startClusters(['dev', 'staging']);
  const host = new URL(github.url).host;
  const backend = await startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({
        entities: [
          component('shop', 'team-a', { 'backstage.io/kubernetes-id': 'shop' }),
          component('evil', 'team-a', {
            'backstage.io/kubernetes-id': '../cart-service',
          }),
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [{ host, apiBaseUrl: github.url, token: TOKEN }],
          },
          gitops: {
            clusters: clusters.clusters.map(cluster =>
              clusterConfigEntry(cluster),
            ),
            staleAfter: '1h',
            configRepo: { host, owner: 'acme', repo: 'gitops-config' },
            validation: { kubectlPath: KUBECTL },
          },
        },
      }),
    ],
  });
  server = backend.server;
});

afterAll(async () => {
  await github?.close();
  await clusters?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: object) =>
  request(server)
    .post(`/api/gitops/entities/${path}`)
    .set('authorization', mockCredentials.user.header())
    .send(body);

describe('pull request routes refuse bad input at the edge', () => {
  it.each([
    [
      'a NUL byte in the environment',
      'component/default/shop/rollbacks',
      { environment: 'staging\u0000' },
      'environment: must be a DNS-1123 label',
    ],
    [
      'a 90 KB environment',
      'component/default/shop/rollbacks',
      { environment: 's'.repeat(90 * 1024) },
      'environment: must be a DNS-1123 label',
    ],
    [
      "a path to another service's overlay",
      'component/default/shop/rollbacks',
      { environment: '../../cart-service/overlays/prod' },
      'environment: must be a DNS-1123 label',
    ],
    [
      'an environment no cluster belongs to',
      'component/default/shop/rollbacks',
      { environment: 'qa' },
      "environment: unknown environment 'qa' (configured: dev, staging)",
    ],
    [
      'a toRevision that is a ref name',
      'component/default/shop/rollbacks',
      { environment: 'staging', toRevision: 'main~1' },
      'toRevision: must be a commit SHA',
    ],
    [
      'a promotion target no cluster belongs to',
      'component/default/shop/promotions',
      { from: 'dev', to: 'prod' },
      "to: unknown environment 'prod'",
    ],
    [
      'a promotion source that is a path',
      'component/default/shop/promotions',
      { from: '../dev', to: 'staging' },
      'from: must be a DNS-1123 label',
    ],
    [
      'a URL-encoded NUL byte in the entity name',
      'component/default/sh%00op/rollbacks',
      { environment: 'staging' },
      'name: must be an entity name',
    ],
    [
      'a 2 KB entity name',
      `component/default/${'s'.repeat(2048)}/rollbacks`,
      { environment: 'staging' },
      'name: must be an entity name',
    ],
    [
      'an entity kind that is no kind',
      'comp-onent/default/shop/rollbacks',
      { environment: 'staging' },
      'kind: must be an entity kind',
    ],
    [
      'an entity whose service annotation is a path',
      'component/default/evil/rollbacks',
      { environment: 'staging' },
      'service: must be a DNS-1123 label',
    ],
  ])(
    'answers 400 naming the field for %s, and writes nothing',
    async (_case, path, body, message) => {
      const before = await repoState();
      const response = await post(path, body);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toContain(message);
      expect(await repoState()).toEqual(before);
    },
  );

  it('opens the pull request for environments of configured clusters', async () => {
    const response = await post('component/default/shop/promotions', {
      from: 'dev',
      to: 'staging',
    });
    expect(response.body.error?.message).toBeUndefined();
    expect(response.status).toBe(201);
    expect((await repoState()).pulls).toBe(1);
  });
});
