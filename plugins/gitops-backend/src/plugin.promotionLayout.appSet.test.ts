import { mockCredentials } from '@backstage/backend-test-utils';
import { GithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import { stringify } from 'yaml';
import request from 'supertest';
import { startClusters } from './__testUtils__/clusters';
import {
  GithubHosts,
  startCachedBackend,
  startGithubHosts,
} from './__testUtils__/configRepoHosts';

/*
 * Issue 15 point 3, ApplicationSet git files generators: the version of an Application an ApplicationSet generated
 * is a parameter of the generator's config file (`apps/<svc>/envs/<env>/config.yaml`), so a promotion edits that
 * file at the key the template reads, not the shared chart the template deploys.
 */

const TOKEN = 'appset-layout-token';
const ID = 'backstage.io/kubernetes-id';
let hosts: GithubHosts;
let github: GithubEmulator;
let clusters: KubeEmulator;
let started: Awaited<ReturnType<typeof startCachedBackend>>;

/** An Application's spec deploying the shared chart with `tag` as its image tag (a template expression or a value). */
const chartApplicationSpec = (repoUrl: string, tag: string) => ({
  project: 'default',
  source: {
    repoURL: repoUrl,
    path: 'charts/service',
    targetRevision: 'main',
    helm: { parameters: [{ name: 'image.tag', value: tag }] },
  },
  destination: { server: 'https://kubernetes.default.svc' },
});

/** shop's ApplicationSet reads `{{image.tag}}` (understood); cart's pipes it through a function (not). */
function applicationSet(service: string, repoUrl: string, tag: string) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: service, namespace: 'argocd' },
    spec: {
      goTemplate: service === 'cart',
      generators: [
        {
          git: {
            repoURL: repoUrl,
            revision: 'main',
            files: [
              {
                path: `apps/${service}/envs/*/config.${
                  service === 'shop' ? 'json' : 'yaml'
                }`,
              },
            ],
          },
        },
      ],
      template: {
        metadata: {
          name:
            service === 'cart'
              ? 'cart-{{.path.basename}}'
              : `${service}-{{path.basename}}`,
          labels: { [ID]: service },
        },
        spec: chartApplicationSpec(repoUrl, tag),
      },
    },
  };
}

/** The Application the ApplicationSet rendered for one environment, owned by it as Argo CD sets it. */
function application(
  service: string,
  environment: string,
  repoUrl: string,
  tag: string,
) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${service}-${environment}`,
      namespace: 'argocd',
      labels: { [ID]: service },
      ownerReferences: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'ApplicationSet',
          name: service,
          uid: `${service}-set-uid`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: chartApplicationSpec(repoUrl, tag),
    status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } },
  };
}

/**
 * The config repo: a shared chart (its default tag the same for all) and one config file per environment, JSON
 * for shop (with another image-shaped value the template does not read as a version), YAML for cart.
 */
function configRepoFiles(repoUrl: string): Record<string, string> {
  const json = (tag: string) =>
    `${JSON.stringify(
      { image: { tag }, migrations: { image: { tag: '0.9.0' } } },
      null,
      2,
    )}\n`;
  const yaml = (tag: string) =>
    `# set by the release pipeline\nimage:\n  tag: ${tag}\n`;
  return {
    'charts/service/Chart.yaml':
      'apiVersion: v2\nname: service\nversion: 0.1.0\n',
    'charts/service/values.yaml':
      'image:\n  repository: ghcr.io/acme/service\n  tag: 1.0.0\n',
    'apps/shop/envs/staging/config.json': json('1.4.0'),
    'apps/shop/envs/prod/config.json': json('1.3.0'),
    'apps/cart/envs/staging/config.yaml': yaml('2.1.0'),
    'apps/cart/envs/prod/config.yaml': yaml('2.0.0'),
    'appsets/shop.yaml': stringify(
      applicationSet('shop', repoUrl, '{{image.tag}}'),
    ),
  };
}

const userRequest = (method: 'get' | 'post', path: string) =>
  request(started.server)
    [method](`/api/gitops${path}`)
    .set('authorization', mockCredentials.user.header());

const pulls = () =>
  fetch(`${github.url}/repos/acme/gitops-config/pulls?state=all`, {
    headers: { authorization: `token ${TOKEN}` },
  }).then(r => r.json());

beforeAll(async () => {
  hosts = await startGithubHosts('gitops-appset-layout-', { github: TOKEN });
  github = hosts.github;
  const repoUrl = github.gitUrl('acme', 'gitops-config');
  await github.createRepo('acme', 'gitops-config', {
    files: configRepoFiles(repoUrl),
  });
  clusters = await startClusters(['staging', 'prod']);
  for (const [environment, shopTag, cartTag] of [
    ['staging', '1.4.0', '2.1.0'],
    ['prod', '1.3.0', '2.0.0'],
  ]) {
    clusters
      .cluster(environment)
      .apply([
        applicationSet('shop', repoUrl, '{{image.tag}}'),
        applicationSet('cart', repoUrl, '{{ .image.tag | default "latest" }}'),
        application('shop', environment, repoUrl, shopTag),
        application('cart', environment, repoUrl, cartTag),
      ]);
  }
  started = await startCachedBackend({
    hosts,
    clusters,
    services: ['shop', 'cart'],
    cached: { shop: 2, cart: 2 },
  });
});

afterAll(async () => {
  await started?.stop();
  await clusters?.close();
  await hosts?.close();
});

const ORIGIN =
  'ApplicationSet argocd/shop files generator apps/shop/envs/*/config.json: image.tag (spec.source.helm.parameters[0].value)';

describe('an Application generated by an ApplicationSet git files generator', () => {
  it('is laid out at its config file, the one the generator matched', async () => {
    const response = await userRequest(
      'get',
      '/entities/component/default/shop/layout',
    );

    expect(response.status).toBe(200);
    expect(
      response.body.environments.map(
        (e: {
          environment: string;
          locations: Array<{ path: string; keys?: string[] }>;
        }) => [e.environment, ...e.locations.flatMap(l => [l.path, l.keys])],
      ),
    ).toEqual([
      ['staging', 'apps/shop/envs/staging/config.json', ['image.tag']],
      ['prod', 'apps/shop/envs/prod/config.json', ['image.tag']],
    ]);
  });

  it("is promoted by a pull request that edits the target's config file, not the template's chart", async () => {
    const before = await pulls();

    const response = await userRequest(
      'post',
      '/entities/component/default/shop/promotions',
    ).send({ from: 'staging', to: 'prod' });

    expect(response.status).toBe(201);
    const after = await pulls();
    expect(after.length).toBe(before.length + 1);
    const files = await fetch(
      `${github.url}/repos/acme/gitops-config/pulls/${response.body.number}/files`,
      { headers: { authorization: `token ${TOKEN}` } },
    ).then(r => r.json());
    expect(files.map((f: { filename: string }) => f.filename)).toEqual([
      'apps/shop/envs/prod/config.json',
    ]);
    // Only the key the template reads: the migrations image keeps its tag, the file stays JSON.
    const changed = (files[0].patch as string)
      .split('\n')
      .filter(line => /^[-+]/.test(line));
    expect(changed).toEqual(['-    "tag": "1.3.0"', '+    "tag": "1.4.0"']);
    const pull = after.find(
      (p: { number: number }) => p.number === response.body.number,
    );
    expect(pull.body).toContain(`staging: from ${ORIGIN} (cluster staging)`);
    expect(pull.body).toContain(`prod: from ${ORIGIN} (cluster prod)`);
  });

  it("refuses when the template's version field is an expression it does not understand, naming the service, environment and ApplicationSet, and opens nothing", async () => {
    const before = await pulls();

    const response = await userRequest(
      'post',
      '/entities/component/default/cart/promotions',
    ).send({ from: 'staging', to: 'prod' });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^Cannot tell which files of component:default\/cart to edit in (staging|prod): Application argocd\/cart-(staging|prod) \(cluster (staging|prod)\) is generated by ApplicationSet argocd\/cart, and its template's version fields read spec\.source\.helm\.parameters\[0\]\.value \{\{\.image\.tag \| default "latest"\}\}, which the portal does not understand$/,
    );
    expect(await pulls()).toEqual(before);
  });
});
