import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  pipelineResponseSchema,
  type PipelineResponse,
} from '@gitops-portal/plugin-gitops-common';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  application,
  clusterConfigEntry,
  startClusters,
} from './__testUtils__/clusters';
import { component } from './__testUtils__/fixtures';
import { waitFor } from './__testUtils__/waitFor';
import { gitopsPlugin } from './plugin';
import { configRepoRest } from './__testUtils__/configRepoRest';
import { shopConfigRepo } from './services/Pipeline/__testUtils__/pipelineEstate';

const TOKEN = 'pipeline-test-token';
const REPO = { owner: 'acme', repo: 'gitops-config' };
const ID = 'backstage.io/kubernetes-id';
const LINKS = {
  argocd: 'https://argocd.example.com/applications/{namespace}/{name}',
  pullRequest: 'https://github.example.com/{owner}/{repo}/pull/{number}',
};

let dataDir: string;
let github: GithubEmulator;
let kube: KubeEmulator;
/** What the config repo holds: prod at the first commit, dev after a merged pull request retagging it. */
let estate: {
  initial: string;
  pull: { number: number; head: string; mergeCommit: string };
  readme: string;
};

/** An Argo CD Application of `entity` deploying its overlay of the config repo at `revision`. */
function configRepoApplication(
  name: string,
  environment: string,
  revision: string,
  entity = 'shop',
) {
  const app = application(name, { revision }, { [ID]: entity });
  app.spec.source = {
    repoURL: `https://${new URL(github.url).host}/${REPO.owner}/${REPO.repo}`,
    path: `apps/shop/overlays/${environment}`,
  };
  return app;
}

async function startPipelineBackend(options: {
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  token?: boolean;
}) {
  const host = new URL(github.url).host;
  const backend = await startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({
        entities: [
          component('shop', 'team-a', { [ID]: 'shop' }),
          component('ledger', 'team-a', { [ID]: 'ledger' }),
        ],
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: async () => {} }),
      }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      mockServices.rootConfig.factory({
        data: {
          ...(options.token === false
            ? {}
            : {
                integrations: {
                  github: [{ host, apiBaseUrl: github.url, token: TOKEN }],
                },
              }),
          gitops: {
            clusters: [
              { ...clusterConfigEntry(kube.cluster('dev')), links: LINKS },
              clusterConfigEntry(kube.cluster('prod')),
            ],
            configRepo: { host, ...REPO, branch: 'main' },
            staleAfter: '1h',
          },
        },
      }),
    ],
  });
  const get = async (entity: string) => {
    const res = await request(backend.server).get(
      `/api/gitops/entities/component/default/${entity}/pipeline`,
    );
    return res;
  };
  await waitFor('both environments watched', async () => {
    const res = await get('shop');
    return res.status !== 200 || res.body.environments?.length === 2;
  });
  return { backend, get };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-pipeline-'));
  github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  await github.createRepo(REPO.owner, REPO.repo, {
    files: shopConfigRepo({ dev: '1.0.0', prod: '1.0.0' }),
    message: 'Add shop',
  });
  const rest = configRepoRest(github, TOKEN, REPO);
  const initial = (
    await (
      await fetch(`${github.url}/repos/acme/gitops-config/commits/main`, {
        headers: { authorization: `token ${TOKEN}` },
      })
    ).json()
  ).sha;
  const pull = await rest.mergedPullRequest(
    'gitops/promote/shop-dev',
    'apps/shop/overlays/dev/kustomization.yaml',
    stringify({
      resources: ['../../base'],
      images: [
        { name: 'ghcr.io/acme/shop', newTag: '1.1.0', digest: 'sha256:11' },
      ],
    }),
    'Release shop 1.1.0 to dev',
  );
  const readme = await rest.writeFile(
    'main',
    'README.md',
    'config v2\n',
    'Docs',
  );
  estate = { initial, pull, readme };

  kube = await startClusters(['dev', 'prod']);
  kube.cluster('dev').apply([configRepoApplication('shop', 'dev', readme)]);
  kube.cluster('prod').apply([configRepoApplication('shop', 'prod', initial)]);
  // ledger: its own commits, so no test reads them from the cache of another.
  kube
    .cluster('dev')
    .apply([
      configRepoApplication('ledger', 'dev', estate.pull.head, 'ledger'),
    ]);
  kube
    .cluster('prod')
    .apply([
      configRepoApplication(
        'ledger',
        'prod',
        estate.pull.mergeCommit,
        'ledger',
      ),
    ]);
});

afterAll(async () => {
  await kube?.close();
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /entities/:kind/:namespace/:name/pipeline', () => {
  let started: Awaited<ReturnType<typeof startPipelineBackend>>;
  let body: PipelineResponse;

  beforeAll(async () => {
    started = await startPipelineBackend({});
    // parse() throws on anything but a pipeline (an error body included)
    body = pipelineResponseSchema.parse((await started.get('shop')).body);
  });

  afterAll(() => started?.backend.stop());

  it('lists the environments in the configured clusters’ order', () => {
    expect(body.environments.map(e => e.environment)).toEqual(['dev', 'prod']);
  });

  it.each([
    ['dev', [{ name: 'ghcr.io/acme/shop', tag: '1.1.0', digest: 'sha256:11' }]],
    ['prod', [{ name: 'ghcr.io/acme/shop', tag: '1.0.0' }]],
  ])(
    'reads the version %s runs from the config repo at its revision',
    (environment, images) => {
      expect(
        body.environments.find(e => e.environment === environment)?.version,
      ).toEqual({
        images,
        charts: [],
      });
    },
  );

  it('describes the commit an environment runs with its message, author and GitHub link', () => {
    const prod = body.environments[1];
    expect(prod.commit).toMatchObject({
      sha: estate.initial,
      message: 'Add shop',
      author: expect.any(String),
      authoredAt: expect.any(String),
      url: expect.stringContaining(`/commit/${estate.initial}`),
    });
    expect(prod.commit?.unavailable).toBeUndefined();
  });

  it('names the pull request that brought a commit, linked by the cluster’s template', async () => {
    const res = await started.get('ledger');
    const dev = pipelineResponseSchema.parse(res.body).environments[0];
    expect(dev.commit?.pullRequest).toEqual({
      number: estate.pull.number,
      title: 'Release shop 1.1.0 to dev',
      url: `https://github.example.com/acme/gitops-config/pull/${estate.pull.number}`,
    });
  });

  it('links an Application to the Argo CD UI where its cluster has a template', () => {
    expect(body.environments.map(e => e.targets[0].url)).toEqual([
      'https://argocd.example.com/applications/argocd/shop',
      undefined,
    ]);
  });

  it('says which version differs between adjacent environments', () => {
    expect(body.gaps).toHaveLength(1);
    expect(body.gaps[0]).toMatchObject({
      from: 'dev',
      to: 'prod',
      versionChanges: [
        {
          kind: 'image',
          name: 'ghcr.io/acme/shop',
          from: '1.1.0@sha256:11',
          to: '1.0.0',
        },
      ],
    });
  });

  it('lists the commits touching the service that are not promoted yet (GitHub compare)', () => {
    expect(body.gaps[0].commitsNotPromoted?.map(c => c.sha)).toEqual([
      estate.pull.head,
    ]);
  });
});

describe('the pipeline without GitHub', () => {
  it('shows the sha only and says why when GitHub is rate limited', async () => {
    const started = await startPipelineBackend({});
    try {
      const fault = github.addFault({
        type: 'primary-rate-limit',
        times: -1,
        match: { path: '/repos/acme/gitops-config/' },
      });
      const res = await started.get('ledger');
      github.clearFaults(fault);
      const body = pipelineResponseSchema.parse(res.body);
      expect(body.environments[1].commit).toEqual({
        sha: estate.pull.mergeCommit,
        unavailable: expect.stringMatching(/^GitHub rate limit reached/),
      });
      expect(body.gaps[0].commitsUnavailable).toMatch(
        /^GitHub rate limit reached/,
      );
    } finally {
      await started.backend.stop();
    }
  });

  it('shows the sha only and says why when no GitHub credentials are configured', async () => {
    const started = await startPipelineBackend({ token: false });
    try {
      const body = pipelineResponseSchema.parse(
        (await started.get('shop')).body,
      );
      expect(body.environments[1].commit).toEqual({
        sha: estate.initial,
        unavailable: expect.stringMatching(
          /^No GitHub integration configured for .*: commit details are not shown$/,
        ),
      });
    } finally {
      await started.backend.stop();
    }
  });
});

describe('pipeline permissions', () => {
  it('answers 403 naming gitops.status.read when it is denied', async () => {
    const started = await startPipelineBackend({
      permission: AuthorizeResult.DENY,
    });
    try {
      const res = await started.get('shop');
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ name: 'NotAllowedError' });
      expect(res.body.error.message).toContain('gitops.status.read');
    } finally {
      await started.backend.stop();
    }
  });
});
