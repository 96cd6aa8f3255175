import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { deliveryMetricsResponseSchema } from '@gitops-portal/plugin-gitops-common';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { seed, startBackend } from '../__testUtils__/backend';
import { startClusters } from '../__testUtils__/clusters';
import { waitFor } from '../__testUtils__/waitFor';
import { createHistoryStore } from '../services/HistoryStore';

/** A caller who may read shop but not cart (both owned by team-a). */
const SHOP = 'component:default/shop';
const shopReader = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    authorize: async requests =>
      requests.map(r => ({
        result:
          'resourceRef' in r && r.resourceRef === SHOP
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
  }),
});

const HOUR = 60 * 60 * 1000;
const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

/** Two deployments of shop in dev (the second Degraded, then restored) and one of cart, all in the last days. */
async function seedHistory(knex: Awaited<ReturnType<typeof databases.init>>) {
  const store = await createHistoryStore({
    getClient: async () => knex,
    migrations: { skip: false },
  });
  const now = Date.now();
  const rows = (
    service: string,
    states: Array<
      [hoursAgo: number, health: 'Healthy' | 'Degraded', revision: string]
    >,
  ) =>
    states.map(([hoursAgo, health, revision], i) => ({
      key: `dev/argoproj.io/Application/argocd/${service}`,
      resourceVersion: `seed-${i}`,
      entityRefs: [`component:default/${service}`],
      cluster: 'dev',
      environment: 'dev',
      kind: 'Application',
      namespace: 'argocd',
      name: service,
      ...(i > 0
        ? {
            from: {
              sync: 'Synced' as const,
              health: states[i - 1][1],
              revision: states[i - 1][2],
            },
          }
        : {}),
      to: { sync: 'Synced' as const, health, revision },
      at: new Date(now - hoursAgo * HOUR),
    }));
  const current = 'a'.repeat(40); // what the emulated Applications run now
  await store.record([
    ...rows('shop', [
      [72, 'Healthy', 'b'.repeat(40)],
      [48, 'Healthy', 'c'.repeat(40)],
      [24, 'Healthy', 'd'.repeat(40)],
      [23, 'Degraded', 'd'.repeat(40)],
      [20, 'Healthy', current],
    ]),
    ...rows('cart', [
      [72, 'Healthy', 'b'.repeat(40)],
      [24, 'Healthy', current],
    ]),
  ]);
}

describe('GET delivery-metrics', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await seedHistory(knex);
    emulator = await startClusters(['dev']);
    seed(emulator);
    started = await startBackend(emulator, {
      features: [shopReader, mockServices.database.factory({ knex })],
    });
    await waitFor('shop mapped', async () => {
      const res = await request(started.server).get(
        '/api/gitops/entities/component/default/shop/status',
      );
      return res.body.objects?.length > 0;
    });
  });

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
  });

  const get = (path: string) =>
    request(started.server).get(`/api/gitops${path}`);

  it("answers an entity's metrics in the shared schema", async () => {
    const res = await get('/entities/component/default/shop/delivery-metrics');
    expect(res.status).toBe(200);
    const body = deliveryMetricsResponseSchema.parse(res.body);
    expect(body.subject).toEqual({ kind: 'entity', ref: SHOP });
    // c, d and a after the baseline b; d turned Degraded within the day.
    expect(body.summary).toMatchObject({
      deployments: 3,
      failedDeployments: 1,
      incidents: 1,
      restoredIncidents: 1,
      timeToRestoreMedianSeconds: 3 * 3600,
    });
  });

  it('refuses an entity the caller may not read, naming permission and entity', async () => {
    const res = await get('/entities/component/default/cart/delivery-metrics');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Not allowed: gitops.status.read on component:default/cart',
    );
  });

  it("counts only the team's entities the caller may read", async () => {
    const res = await get('/teams/default/team-a/delivery-metrics?window=90');
    expect(res.status).toBe(200);
    const body = deliveryMetricsResponseSchema.parse(res.body);
    expect(body.entityRefs).toEqual([SHOP]);
    expect(body.summary.deployments).toBe(3);
    expect(body.window).toMatchObject({ days: 90, bucket: 'week' });
  });

  it.each([
    ['/entities/component/default/shop/delivery-metrics?format=csv'],
    ['/teams/default/team-a/delivery-metrics?format=csv'],
  ])('serves %s as a CSV download', async path => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="delivery-metrics-.*-30d\.csv"$/,
    );
    expect(res.text.split('\r\n')[0]).toMatch(
      /^subject,environment,bucketStart,deployments,/,
    );
  });

  it.each([
    ['window', '/entities/component/default/shop/delivery-metrics?window=7'],
    [
      'environment',
      '/teams/default/team-a/delivery-metrics?environment=nowhere',
    ],
  ])('answers 400 naming %s', async (field, path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`${field}:`);
  });

  it('answers 404 for an unknown team', async () => {
    const res = await get('/teams/default/nobody/delivery-metrics');
    expect(res.status).toBe(404);
  });
});
