import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHistoryStore, HistoryStore } from '../HistoryStore';
import { configRepoWriter } from './__testUtils__/configRepoWriter';
import { createDeliveryService } from './createDeliveryService';

const TOKEN = 'deliveries-test-token';
const SHOP = 'component:default/shop';
const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

let dataDir: string;
let github: GithubEmulator;
let repoCount = 0;
/** This test's config repo: a fresh one per test, in the one emulator of the file. */
let repo: { owner: string; repo: string };
let commitFile: ReturnType<typeof configRepoWriter>['commitFile'];
let pullRequest: ReturnType<typeof configRepoWriter>['pullRequest'];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-deliveries-'));
  github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
});

beforeEach(async () => {
  repo = { owner: 'acme', repo: `gitops-config-${++repoCount}` };
  await github.createRepo(repo.owner, repo.repo, {
    files: { 'README.md': 'config\n' },
  });
  ({ commitFile, pullRequest } = configRepoWriter(
    { url: github.url, token: TOKEN },
    repo,
  ));
});

afterAll(async () => {
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function application(
  cluster: string,
  state: { revision: string; health?: 'Healthy' | 'Progressing' },
): ObjectStatus {
  return {
    key: `${cluster}/argoproj.io/Application/argocd/shop`,
    engine: 'argocd',
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    cluster,
    namespace: 'argocd',
    name: 'shop',
    environment: cluster,
    entityRefs: [SHOP],
    sync: 'Synced',
    health: { status: state.health ?? 'Healthy' },
    revision: state.revision,
    conditions: [],
    suspended: false,
    observedAt: new Date().toISOString(),
  };
}

/** Records an object's observed state at a time (seconds after `base`). */
function observe(
  store: HistoryStore,
  cluster: string,
  rows: Array<
    [
      seconds: number,
      sync: 'Synced' | 'OutOfSync',
      health: 'Healthy' | 'Progressing',
      revision: string,
    ]
  >,
  base: Date,
) {
  return store.record(
    rows.map(([seconds, sync, health, revision], i) => ({
      key: `${cluster}/argoproj.io/Application/argocd/shop`,
      resourceVersion: `${cluster}-${seconds}-${i}`,
      entityRefs: [SHOP],
      cluster,
      environment: cluster,
      kind: 'Application',
      namespace: 'argocd',
      name: 'shop',
      to: { sync, health, revision },
      at: new Date(base.getTime() + seconds * 1000),
    })),
  );
}

async function setup(configRepo = true) {
  const knex = await databases.init('SQLITE_3');
  const store = await createHistoryStore({
    getClient: async () => knex,
    migrations: { skip: false },
  });
  const host = new URL(github.url).host;
  const service = createDeliveryService({
    config: mockServices.rootConfig({
      data: {
        integrations: {
          github: [{ host, apiBaseUrl: github.url, token: TOKEN }],
        },
        gitops: configRepo
          ? { configRepo: { host, ...repo, branch: 'main' } }
          : {},
      },
    }),
    logger: mockServices.logger.mock(),
    history: store,
    environments: () => ['dev', 'staging', 'prod'],
  });
  return { store, service };
}

const ask = (
  service: ReturnType<typeof createDeliveryService>,
  objects: ObjectStatus[] = [],
) =>
  service.deliveries({ entityRef: SHOP, service: 'shop', objects, limit: 10 });

describe('createDeliveryService', () => {
  it("lists the service's portal pull requests newest first, skipping other services and branches", async () => {
    await pullRequest('gitops/create/shop', 'apps/shop/base/deployment.yaml');
    await pullRequest(
      'gitops/promote/shop-api-staging',
      'apps/shop-api/overlays/staging/x.yaml',
    );
    await pullRequest('feature/shop', 'apps/shop/base/other.yaml');
    await pullRequest(
      'gitops/claim/shop-db',
      'apps/shop/claims/db.yaml',
      false,
    );
    await pullRequest(
      'gitops/rollback/shop-dev',
      'clusters/dev/argocd/shop.yaml',
    );
    const { service } = await setup();
    const { items, configRepo } = await ask(service);
    expect(configRepo).toBe(`acme/${repo.repo}`);
    expect(items.map(item => [item.number, item.verb, item.state])).toEqual([
      [5, 'rollback', 'merged'],
      [4, 'claim', 'open'],
      [1, 'create', 'merged'],
    ]);
  });

  it('gives an open pull request no environments and no merge', async () => {
    await pullRequest(
      'gitops/promote/shop-staging',
      'apps/shop/overlays/staging/k.yaml',
      false,
    );
    const { service } = await setup();
    const [item] = (await ask(service, [application('dev', { revision: 'x' })]))
      .items;
    expect(item).toMatchObject({ state: 'open', environments: [] });
    expect(item.mergedAt).toBeUndefined();
    expect(item.mergeCommit).toBeUndefined();
  });

  it('times an environment synced at the merge commit, then healthy', async () => {
    const { mergeCommit } = await pullRequest(
      'gitops/promote/shop-dev',
      'apps/shop/overlays/dev/k.yaml',
    );
    const { service, store } = await setup();
    const merged = new Date();
    await observe(
      store,
      'dev',
      [
        [1, 'OutOfSync', 'Healthy', 'old'],
        [2, 'Synced', 'Progressing', mergeCommit!],
        [7, 'Synced', 'Healthy', mergeCommit!],
      ],
      merged,
    );
    const [item] = (
      await ask(service, [application('dev', { revision: mergeCommit! })])
    ).items;
    expect(item.mergeCommit).toBe(mergeCommit);
    const [dev] = item.environments;
    expect(dev).toMatchObject({
      environment: 'dev',
      changed: true,
      syncedAt: new Date(merged.getTime() + 2000).toISOString(),
      healthyAt: new Date(merged.getTime() + 7000).toISOString(),
    });
    expect(dev.targets[0].syncedRevision).toBe(mergeCommit);
  });

  it('counts a sync at a later commit that contains the merge commit', async () => {
    await pullRequest(
      'gitops/promote/shop-staging',
      'apps/shop/overlays/staging/k.yaml',
    );
    const later = await commitFile('main', 'apps/other/k.yaml');
    const { service, store } = await setup();
    const merged = new Date();
    await observe(store, 'staging', [[3, 'Synced', 'Healthy', later]], merged);
    const [item] = (
      await ask(service, [application('staging', { revision: later })])
    ).items;
    expect(item.environments[0]).toMatchObject({
      environment: 'staging',
      syncedAt: new Date(merged.getTime() + 3000).toISOString(),
      healthyAt: new Date(merged.getTime() + 3000).toISOString(),
    });
    expect(item.environments[0].targets[0].syncedRevision).toBe(later);
  });

  it('times a remote Helm chart with values from the config repo by its values source', async () => {
    const { mergeCommit } = await pullRequest(
      'gitops/promote/shop-prod',
      'apps/shop/overlays/prod/values.yaml',
    );
    const { service, store } = await setup();
    const merged = new Date();
    const configRepoUrl = `https://${new URL(github.url).host}/${repo.owner}/${
      repo.repo
    }.git`;
    const rows: Array<[number, 'Synced' | 'OutOfSync', string]> = [
      [1, 'OutOfSync', 'old'],
      [4, 'Synced', mergeCommit!],
    ];
    await store.record(
      rows.map(([seconds, sync, configRevision]) => ({
        key: 'prod/argoproj.io/Application/argocd/shop',
        resourceVersion: `prod-${seconds}`,
        entityRefs: [SHOP],
        cluster: 'prod',
        environment: 'prod',
        kind: 'Application',
        name: 'shop',
        to: {
          sync,
          health: 'Healthy' as const,
          revision: '1.2.3',
          revisions: ['1.2.3', configRevision],
        },
        at: new Date(merged.getTime() + seconds * 1000),
      })),
    );
    const object: ObjectStatus = {
      ...application('prod', { revision: '1.2.3' }),
      sources: [
        {
          repoURL: 'https://charts.example.org',
          chart: 'web',
          revision: '1.2.3',
        },
        { repoURL: configRepoUrl, ref: 'values', revision: mergeCommit! },
      ],
    };
    const [item] = (await ask(service, [object])).items;
    expect(item.environments[0]).toMatchObject({
      environment: 'prod',
      syncedAt: new Date(merged.getTime() + 4000).toISOString(),
      healthyAt: new Date(merged.getTime() + 4000).toISOString(),
    });
    expect(item.environments[0].targets[0].syncedRevision).toBe(mergeCommit);
  });

  it.each([
    ['a commit from before the merge', 'before'],
    ['a revision that is not a commit of the config repo', 'not-a-commit'],
  ])('leaves an environment at %s not synced', async (_case, revisionKind) => {
    const before = await commitFile('main', 'apps/other/before.yaml');
    await pullRequest(
      'gitops/promote/shop-prod',
      'apps/shop/overlays/prod/k.yaml',
    );
    const { service, store } = await setup();
    const revision = revisionKind === 'before' ? before : '1.2.3';
    await observe(
      store,
      'prod',
      [[1, 'Synced', 'Healthy', revision]],
      new Date(),
    );
    const [item] = (await ask(service, [application('prod', { revision })]))
      .items;
    expect(item.environments[0].syncedAt).toBeUndefined();
    expect(item.environments[0].healthyAt).toBeUndefined();
  });

  it('lists environments in delivery order and marks only those the pull request changed', async () => {
    const { mergeCommit } = await pullRequest(
      'gitops/promote/shop-staging',
      'apps/shop/overlays/staging/k.yaml',
    );
    const { service } = await setup();
    const objects = ['prod', 'dev', 'staging'].map(cluster =>
      application(cluster, { revision: mergeCommit! }),
    );
    const [item] = (await ask(service, objects)).items;
    expect(item.environments.map(e => [e.environment, e.changed])).toEqual([
      ['dev', false],
      ['staging', true],
      ['prod', false],
    ]);
  });

  it("answers several services' deliveries from one listing, each its own, in the order asked", async () => {
    await pullRequest('gitops/create/shop', 'apps/shop/base/deployment.yaml');
    await pullRequest('gitops/create/cart', 'apps/cart/base/deployment.yaml');
    const { service } = await setup();
    const answers = await service.deliveriesOfServices(
      ['cart', 'shop'].map(name => ({
        entityRef: `component:default/${name}`,
        service: name,
        objects: [],
        limit: 10,
      })),
    );
    expect(
      answers.map(answer => [
        answer.entityRef,
        answer.items.map(item => item.branch),
      ]),
    ).toEqual([
      ['component:default/cart', ['gitops/create/cart']],
      ['component:default/shop', ['gitops/create/shop']],
    ]);
  });

  it('answers no deliveries when no config repo is configured', async () => {
    await pullRequest('gitops/create/shop', 'apps/shop/base/deployment.yaml');
    const { service } = await setup(false);
    expect(await ask(service)).toEqual({ entityRef: SHOP, items: [] });
  });
});
