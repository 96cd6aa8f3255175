import { mockCredentials } from '@backstage/backend-test-utils';
import {
  clustersResponseSchema,
  entityStatusResponseSchema,
  historyResponseSchema,
  overviewResponseSchema,
  teamStatusResponseSchema,
  xrdsResponseSchema,
} from '@gitops-portal/plugin-gitops-common';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { ID, seed, startBackend } from './__testUtils__/backend';
import { application, startClusters } from './__testUtils__/clusters';
import { waitFor } from './__testUtils__/waitFor';

describe('gitops backend routes', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;

  const get = (path: string) =>
    request(started.server).get(`/api/gitops${path}`);

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    seed(emulator);
    started = await startBackend(emulator);
    await waitFor('objects mapped to entities', async () => {
      const res = await get('/entities/component/default/cart/status');
      return res.body.objects?.length === 1;
    });
  });

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
  });

  it('serves the status of an entity', async () => {
    const res = await get('/entities/component/default/shop/status');
    expect(res.status).toBe(200);
    const body = entityStatusResponseSchema.parse(res.body);
    expect(body.objects.map(o => o.name)).toEqual(['shop']);
    expect(body.objects[0].entityRefs).toEqual(['component:default/shop']);
    expect(body.clusters.map(c => [c.name, c.state])).toEqual([['dev', 'ok']]);
  });

  it('serves a team: counts and rows, worst first', async () => {
    const res = await get('/teams/default/team-a/status');
    expect(res.status).toBe(200);
    const body = teamStatusResponseSchema.parse(res.body);
    expect(body.team).toBe('group:default/team-a');
    expect(body.rows.map(r => [r.entityRef, r.worstHealth])).toEqual([
      ['component:default/cart', 'Degraded'],
      ['component:default/shop', 'Healthy'],
    ]);
    expect(body.counts.total).toBe(2);
    expect(body.counts.byHealth).toMatchObject({
      Degraded: 1,
      Healthy: 1,
      Missing: 0,
    });
    expect(body.counts.bySync).toEqual({ Synced: 1, OutOfSync: 1, Unknown: 0 });
    expect(body.rows[0].environments.dev).toMatchObject({
      health: 'Degraded',
      sync: 'OutOfSync',
    });
  });

  it.each([
    ['health', 'health=Degraded', ['cart']],
    ['sync', 'sync=OutOfSync&engine=argocd', ['cart']],
    ['team', 'team=group:default/team-a', ['cart', 'shop']],
    ['entityRef', 'entityRef=component:default/shop', ['shop']],
    ['free text', 'q=orph', ['orphan']],
    ['engine', 'engine=flux', []],
    ['environment', 'environment=prod', []],
    ['cluster', 'cluster=dev&health=Degraded,Progressing', ['cart', 'orphan']],
  ])('filters the overview by %s', async (_name, query, names) => {
    const res = await get(`/overview?${query}`);
    expect(res.status).toBe(200);
    const body = overviewResponseSchema.parse(res.body);
    expect(body.items.map(o => o.name).sort()).toEqual(names);
    expect(body.total).toBe(names.length);
  });

  it('pages the overview, worst first', async () => {
    const res = await get(
      '/overview?cluster=dev&engine=argocd&limit=2&offset=0',
    );
    const body = overviewResponseSchema.parse(res.body);
    expect(body.total).toBe(4);
    expect(body.items.map(o => o.name)).toEqual(['cart', 'orphan']);
  });

  it('records and serves the history of an entity', async () => {
    emulator
      .cluster('dev')
      .apply(application('ledger', { health: 'Degraded' }, { [ID]: 'ledger' }));
    const res = await waitFor('a history entry', async () => {
      const r = await get('/entities/component/default/ledger/history');
      return r.body.items?.some((i: any) => i.to.health === 'Degraded')
        ? r
        : undefined;
    });
    const body = historyResponseSchema.parse(res.body);
    expect(body.items[0]).toMatchObject({
      entityRef: 'component:default/ledger',
      cluster: 'dev',
      name: 'ledger',
      from: { health: 'Healthy', sync: 'Synced' },
      to: { health: 'Degraded', sync: 'Synced' },
    });
  });

  it('publishes a signal when an entity changes', async () => {
    started.publish.mockClear();
    emulator
      .cluster('dev')
      .apply(application('shop', { health: 'Progressing' }, { [ID]: 'shop' }));
    const call = await waitFor('a gitops:status signal for shop', () =>
      (started.publish.mock.calls as any[]).find(
        ([signal]) =>
          signal.channel === 'gitops:status' &&
          signal.message.entityRefs.includes('component:default/shop') &&
          signal.message.clusters.includes('dev'),
      ),
    );
    expect(call[0].recipients).toEqual({ type: 'broadcast' });
  });

  it('lists cluster states without credentials', async () => {
    const res = await get('/clusters');
    expect(res.status).toBe(200);
    const body = clustersResponseSchema.parse(res.body);
    expect(body.items).toEqual([
      expect.objectContaining({ name: 'dev', environment: 'dev', state: 'ok' }),
    ]);
    expect(body.items[0].kinds).toContainEqual(
      expect.objectContaining({ kind: 'Application', state: 'watching' }),
    );
    expect(res.text).not.toContain(emulator.cluster('dev').token);
  });

  it('lists the Crossplane XRDs with their claim schemas', async () => {
    const res = await waitFor('the XRD', async () => {
      const r = await get('/xrds');
      return r.body.items?.length ? r : undefined;
    });
    const body = xrdsResponseSchema.parse(res.body);
    expect(body.items[0]).toMatchObject({
      name: 'xdatabases.platform.example.org',
      claimKind: 'Database',
      compositeKind: 'XDatabase',
      cluster: 'dev',
    });
    expect(body.items[0].versions[0].schema).toMatchObject({ type: 'object' });
  });

  it.each([
    ['an unknown health', '/overview?health=Broken'],
    ['a limit above 1000', '/overview?limit=5000'],
    [
      'a since that is no timestamp',
      '/entities/component/default/shop/history?since=yesterday',
    ],
  ])('answers 400 to %s', async (_name, path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
  });

  it.each([
    ['an unknown entity', '/entities/component/default/nope/status'],
    [
      'the history of an unknown entity',
      '/entities/component/default/nope/history',
    ],
    ['an unknown team', '/teams/default/nope/status'],
  ])('answers 404 to %s', async (_name, path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
  });

  it('serves an entity without Kubernetes annotations as empty', async () => {
    const res = await get('/entities/component/default/bare/status');
    expect(res.status).toBe(200);
    expect(res.body.objects).toEqual([]);
  });

  it('answers /health without credentials', async () => {
    const res = await request(started.server)
      .get('/api/gitops/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
  });

  it('refuses cluster states to anonymous callers', async () => {
    const res = await request(started.server)
      .get('/api/gitops/clusters')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
