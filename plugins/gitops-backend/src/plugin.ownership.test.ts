import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { seed, startBackend } from './__testUtils__/backend';
import { startClusters } from './__testUtils__/clusters';
import { waitFor } from './__testUtils__/waitFor';

/**
 * `gitops.permissions.restrictStatusToOwners: true` makes the portal policy answer `gitops.status.read`
 * with an `isEntityOwner` condition, which the permission backend resolves per entity. This double
 * gives the resolved answers for a member of team-a (owner of shop and cart), so the routes are tested
 * through the guard as they are used then. The policy's own decision is tested in packages/backend.
 */
const TEAM_A_ENTITIES = new Set([
  'component:default/shop',
  'component:default/cart',
]);
const teamAMember = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    authorize: async requests =>
      requests.map(r => ({
        result:
          'resourceRef' in r &&
          r.resourceRef &&
          TEAM_A_ENTITIES.has(r.resourceRef)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    // Without an entity the owner condition cannot be evaluated: it stays conditional.
    authorizeConditional: async requests =>
      requests.map(() => ({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: ['group:default/team-a'] },
        },
      })) as any,
  }),
});

describe('gitops backend with status restricted to owners', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    seed(emulator);
    started = await startBackend(emulator, { features: [teamAMember] });
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

  it.each([
    ['an entity of their team', 'shop', 200],
    ['an entity of another team', 'ledger', 403],
  ])('serves a member the status of %s: %s', async (_, name, status) => {
    const res = await request(started.server).get(
      `/api/gitops/entities/component/default/${name}/status`,
    );
    expect(res.status).toBe(status);
  });

  it("serves their own team's rows", async () => {
    const res = await request(started.server).get(
      '/api/gitops/teams/default/team-a/status',
    );
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: any) => r.entityRef).sort()).toEqual([
      'component:default/cart',
      'component:default/shop',
    ]);
  });

  it('leaves the objects of other teams and unowned objects out of the overview', async () => {
    const res = await request(started.server).get('/api/gitops/overview');
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: any) => o.name).sort()).toEqual([
      'cart',
      'shop',
    ]);
  });
});
