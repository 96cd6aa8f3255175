import { mockCredentials } from '@backstage/backend-test-utils';
import {
  deliveriesResponseSchema,
  pipelineResponseSchema,
  type DeliveriesResponse,
  type PipelineResponse,
} from '@gitops-portal/plugin-gitops-common';
import { GithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { stringify } from 'yaml';
import { startClusters } from './__testUtils__/clusters';
import {
  GithubHosts,
  startCachedBackend,
  startGithubHosts,
} from './__testUtils__/configRepoHosts';
import { configRepoRest } from './__testUtils__/configRepoRest';
import { serviceOverlays } from './services/Pipeline/__testUtils__/pipelineEstate';

/*
 * Issue 15 point 3 and issue 20 points 1 and 4, read side: the pipeline's commits (message, author, pull request),
 * versions and commits not yet promoted, and the delivery timeline's pull requests, come from the repo each
 * environment's live objects deploy from: `gitops.configRepo` on the github.com stand-in, or a second repo on a
 * GitHub Enterprise stand-in (another github-emulator) of `integrations.github`.
 */

const TOKEN = 'config-repo-reads-token';
const GHE_TOKEN = 'config-repo-reads-ghe-token';
const ID = 'backstage.io/kubernetes-id';
const DEFAULT_REPO = { owner: 'acme', repo: 'gitops-config' };
const GHE_REPO = { owner: 'platform', repo: 'prod-config' };
/** Where each service's environments deploy from: the default repo (`apps/`) or the GHE one (`teams/a/`). */
const ESTATE = {
  shop: { staging: 'default', prod: 'default' },
  cart: { staging: 'ghe', prod: 'ghe' },
  web: { staging: 'default', prod: 'ghe' },
} as const;
type Service = keyof typeof ESTATE;
type Host = 'default' | 'ghe';

let hosts: GithubHosts;
let github: GithubEmulator;
let ghe: GithubEmulator;
let clusters: KubeEmulator;
let started: Awaited<ReturnType<typeof startCachedBackend>>;
/** Each repo's first commit (what prod runs). */
const initial: Record<Host, string> = { default: '', ghe: '' };
/** Per service, the merged pull request promoting it to staging (what staging runs), in its staging repo. */
const promotions: Partial<
  Record<Service, { number: number; head: string; mergeCommit: string }>
> = {};

/** web's promotion to prod, merged in the GHE repo its prod deploys from (prod still runs the first commit). */
let webProd: { number: number; head: string; mergeCommit: string };

const hostOf = (host: Host) => (host === 'default' ? github : ghe);
const repoOf = (host: Host) => (host === 'default' ? DEFAULT_REPO : GHE_REPO);
const folderOf = (host: Host) => (host === 'default' ? 'apps/' : 'teams/a/');
const tokenOf = (host: Host) => (host === 'default' ? TOKEN : GHE_TOKEN);
const hostName = (host: Host) => new URL(hostOf(host).url).host;

/** An Argo CD Application of a service deploying its overlay of a repo, synced at `revision`. */
function deployed(service: Service, environment: string, revision: string) {
  const host: Host = ESTATE[service][environment as 'staging' | 'prod'];
  const { owner, repo } = repoOf(host);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${service}-${environment}`,
      namespace: 'argocd',
      labels: { [ID]: service },
    },
    spec: {
      project: 'default',
      source: {
        repoURL: hostOf(host).gitUrl(owner, repo),
        path: `${folderOf(host)}${service}/overlays/${environment}`,
        targetRevision: 'main',
      },
    },
    status: {
      sync: { status: 'Synced', revision },
      health: { status: 'Healthy' },
    },
  };
}

const get = async (service: Service, what: 'pipeline' | 'deliveries') =>
  request(started.server)
    .get(`/api/gitops/entities/component/default/${service}/${what}`)
    .set('authorization', mockCredentials.user.header());

beforeAll(async () => {
  hosts = await startGithubHosts('gitops-config-repo-reads-', {
    github: TOKEN,
    ghe: GHE_TOKEN,
  });
  github = hosts.github;
  ghe = hosts.ghe!.github;
  for (const host of ['default', 'ghe'] as const) {
    const services = (Object.keys(ESTATE) as Service[]).filter(service =>
      Object.values(ESTATE[service]).includes(host),
    );
    const { owner, repo } = repoOf(host);
    await hostOf(host).createRepo(owner, repo, {
      files: Object.assign(
        { 'README.md': 'config\n' },
        ...services.map(service =>
          serviceOverlays(
            service,
            { staging: '1.4.0', prod: '1.3.0' },
            folderOf(host),
          ),
        ),
      ),
      message: 'Add services',
    });
    const main = await fetch(
      `${hostOf(host).url}/repos/${owner}/${repo}/commits/main`,
      { headers: { authorization: `token ${tokenOf(host)}` } },
    ).then(r => r.json());
    initial[host] = main.sha;
  }
  // One portal promotion to staging per service, merged in the repo its staging deploys from.
  for (const service of Object.keys(ESTATE) as Service[]) {
    const host = ESTATE[service].staging;
    promotions[service] = await configRepoRest(
      hostOf(host),
      tokenOf(host),
      repoOf(host),
    ).mergedPullRequest(
      `gitops/promote/${service}-staging`,
      `${folderOf(host)}${service}/overlays/staging/kustomization.yaml`,
      stringify({
        resources: ['../../base'],
        images: [{ name: `ghcr.io/acme/${service}`, newTag: '1.5.0' }],
      }),
      `Promote ${service} to staging`,
    );
  }
  // web's prod deploys from the GHE repo: a promotion there, merged, that prod does not run yet.
  webProd = await configRepoRest(ghe, GHE_TOKEN, GHE_REPO).mergedPullRequest(
    'gitops/promote/web-prod',
    'teams/a/web/overlays/prod/kustomization.yaml',
    stringify({
      resources: ['../../base'],
      images: [{ name: 'ghcr.io/acme/web', newTag: '1.4.0' }],
    }),
    'Promote web to prod',
  );
  clusters = await startClusters(['staging', 'prod']);
  for (const service of Object.keys(ESTATE) as Service[]) {
    clusters
      .cluster('staging')
      .apply([deployed(service, 'staging', promotions[service]!.mergeCommit)]);
    clusters
      .cluster('prod')
      .apply([deployed(service, 'prod', initial[ESTATE[service].prod])]);
  }
  started = await startBackend();
});

/** The backend over both hosts and the clusters, once it has cached every service's live objects. */
function startBackend() {
  return startCachedBackend({
    hosts,
    clusters,
    services: Object.keys(ESTATE),
    // An Application per environment.
    cached: Object.fromEntries(Object.keys(ESTATE).map(s => [s, 2])),
  });
}

afterAll(async () => {
  await started?.stop();
  await clusters?.close();
  await hosts?.close();
});

describe('the pipeline reads the repo each environment deploys from', () => {
  const pipelines = new Map<Service, PipelineResponse>();
  const pipelineOf = async (service: Service) => {
    if (!pipelines.has(service)) {
      const response = await get(service, 'pipeline');
      // parse() throws on anything but a pipeline (an error body included)
      pipelines.set(service, pipelineResponseSchema.parse(response.body));
    }
    return pipelines.get(service)!;
  };

  it.each<[string, Service, 'staging' | 'prod']>([
    ['in the default repo', 'shop', 'staging'],
    ['in a second repo on another host', 'cart', 'staging'],
    ['split across two repos (default side)', 'web', 'staging'],
  ])(
    'describes a commit %s with its message, author and pull request link on that host',
    async (_case, service, environment) => {
      const host = ESTATE[service][environment];
      const { owner, repo } = repoOf(host);
      const { commit } = (await pipelineOf(service)).environments.find(
        e => e.environment === environment,
      )!;
      expect(commit).toMatchObject({
        sha: promotions[service]!.mergeCommit,
        author: expect.any(String),
        pullRequest: {
          number: promotions[service]!.number,
          title: `Promote ${service} to staging`,
          url: `${hostOf(host).url}/${owner}/${repo}/pull/${
            promotions[service]!.number
          }`,
        },
      });
      expect(commit?.unavailable).toBeUndefined();
    },
  );

  it.each<[string, Service, Host]>([
    ['in the default repo', 'shop', 'default'],
    ['in a second repo on another host', 'cart', 'ghe'],
    ['split across two repos (GHE side)', 'web', 'ghe'],
  ])(
    "describes prod's commit %s from its repo",
    async (_case, service, host) => {
      const { commit } = (await pipelineOf(service)).environments.find(
        e => e.environment === 'prod',
      )!;
      expect(commit).toMatchObject({
        sha: initial[host],
        message: 'Add services',
        url: `${hostOf(host).url}/${repoOf(host).owner}/${
          repoOf(host).repo
        }/commit/${initial[host]}`,
      });
    },
  );

  it.each<[string, Service]>([
    ['in the default repo', 'shop'],
    ['in a second repo on another host', 'cart'],
    ['split across two repos', 'web'],
  ])(
    'reads the versions of a service %s from the repo each environment deploys from',
    async (_case, service) => {
      const { environments } = await pipelineOf(service);
      expect(
        environments.map(e => [
          e.environment,
          e.version.images.map(image => image.tag),
        ]),
      ).toEqual([
        ['staging', ['1.5.0']],
        ['prod', ['1.3.0']],
      ]);
    },
  );

  it.each<[string, Service]>([
    ['in the default repo', 'shop'],
    ['in a second repo on another host', 'cart'],
  ])(
    'lists the commits not yet promoted of a service %s',
    async (_case, service) => {
      const [gap] = (await pipelineOf(service)).gaps;
      expect([
        gap.commitsNotPromoted?.map(commit => commit.sha),
        gap.commitsUnavailable,
      ]).toEqual([[promotions[service]!.head], undefined]);
    },
  );

  it('says the environments deploy from different repositories instead of comparing them', async () => {
    const [gap] = (await pipelineOf('web')).gaps;
    expect([gap.commitsNotPromoted, gap.commitsUnavailable]).toEqual([
      undefined,
      `staging and prod deploy from different repositories: acme/gitops-config (${hostName(
        'default',
      )}) and platform/prod-config (${hostName('ghe')})`,
    ]);
  });

  it.each<[string, Service, string]>([
    ['in the default repo', 'shop', 'acme/gitops-config'],
    ['in a second repo on another host', 'cart', 'platform/prod-config'],
    [
      'split across two repos',
      'web',
      'acme/gitops-config, platform/prod-config',
    ],
  ])(
    'names the repos a service %s deploys from',
    async (_case, service, repos) => {
      expect((await pipelineOf(service)).configRepo).toBe(repos);
    },
  );
});

describe('the delivery timeline reads the repos the environments deploy from', () => {
  const pullLink = (host: Host, number: number) =>
    `${hostOf(host).url}/${repoOf(host).owner}/${
      repoOf(host).repo
    }/pull/${number}`;
  const staging = (service: Service) => [
    pullLink(ESTATE[service].staging, promotions[service]!.number),
    `gitops/promote/${service}-staging`,
    [['staging', true]],
  ];

  it.each<[string, Service, () => unknown[]]>([
    ['in the default repo', 'shop', () => [staging('shop')]],
    ['in a second repo on another host', 'cart', () => [staging('cart')]],
    [
      'split across two repos',
      'web',
      () => [
        [
          pullLink('ghe', webProd.number),
          'gitops/promote/web-prod',
          [['prod', false]],
        ],
        staging('web'),
      ],
    ],
  ])(
    'lists the portal pull requests of a service %s, each linked on its host, with the environments it changed and whether they run it',
    async (_case, service, expected) => {
      const answer: DeliveriesResponse = deliveriesResponseSchema.parse(
        (await get(service, 'deliveries')).body,
      );
      expect(
        answer.items
          .map(item => [
            item.url,
            item.branch,
            item.environments
              .filter(e => e.changed)
              .map(e => [e.environment, !!e.syncedAt]),
          ])
          // Across repos the order is by opening time, which two pull requests may share to the second.
          .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      ).toEqual(expected());
    },
  );
});

describe('a rate limit on one host', () => {
  it("leaves the other host's commits described", async () => {
    // A backend of its own: nothing cached, no pause from the other tests.
    const fresh = await startBackend();
    const fault = ghe.addFault({
      type: 'primary-rate-limit',
      times: -1,
      match: { path: '/repos/platform/prod-config/' },
    });
    try {
      const response = await request(fresh.server)
        .get('/api/gitops/entities/component/default/web/pipeline')
        .set('authorization', mockCredentials.user.header());
      const { environments } = pipelineResponseSchema.parse(response.body);
      expect(
        environments.map(e => [
          e.environment,
          e.commit?.pullRequest?.number,
          e.commit?.unavailable?.replace(/ \(resets at .*\)/, ''),
        ]),
      ).toEqual([
        ['staging', promotions.web!.number, undefined],
        [
          'prod',
          undefined,
          'GitHub rate limit reached: commit details show again once it resets',
        ],
      ]);
    } finally {
      ghe.clearFaults(fault);
      await fresh.stop();
    }
  });
});
