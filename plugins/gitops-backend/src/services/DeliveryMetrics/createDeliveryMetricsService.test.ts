import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { createDeliveryMetricsService } from './createDeliveryMetricsService';

const SHOP = 'component:default/shop';
const CART = 'component:default/cart';
const keyOf = (ref: string) =>
  `dev/argoproj.io/Application/argocd/${ref.split('/')[1]}`;

describe('createDeliveryMetricsService', () => {
  it("reads a team's history in one query and its services' pull requests in one listing", async () => {
    const query = jest.fn(async () => []);
    const deliveriesOfServices = jest.fn(async (requests: any[]) =>
      requests.map(request => ({ entityRef: request.entityRef, items: [] })),
    );
    const service = createDeliveryMetricsService({
      history: { query },
      deliveries: { deliveriesOfServices },
      statusStore: {
        entityObjects: async (ref: string) => ({
          objects: [{ key: keyOf(ref) } as ObjectStatus],
          clusters: [],
        }),
      },
      config: { failureWindowMs: 60_000 },
    });
    await service.metrics({
      subject: { kind: 'team', ref: 'group:default/team-a' },
      entities: [
        { entityRef: SHOP, service: 'shop' },
        { entityRef: CART, service: 'cart' },
      ],
      query: { window: 30 },
    });
    expect(query.mock.calls).toEqual([
      [
        expect.objectContaining({
          entityRef: [SHOP, CART],
          objectKeys: [keyOf(SHOP), keyOf(CART)],
        }),
      ],
    ]);
    expect(deliveriesOfServices).toHaveBeenCalledTimes(1);
    expect(
      deliveriesOfServices.mock.calls[0][0].map(
        (request: { service: string }) => request.service,
      ),
    ).toEqual(['shop', 'cart']);
  });

  it.each([
    [
      'one pull request listed for two services',
      'acme/config',
      'acme/config',
      1,
    ],
    [
      "two repos' pull requests of one number",
      'acme/config',
      'platform/prod-config',
      2,
    ],
  ])('counts %s by its URL', async (_case, shopRepo, cartRepo, samples) => {
    const now = new Date('2026-03-01T00:00:00Z');
    const delivered = (repo: string) => ({
      number: 7,
      url: `https://github.example/${repo}/pull/7`,
      title: 'Promote',
      branch: 'gitops/promote/x-dev',
      verb: 'promote' as const,
      state: 'merged' as const,
      openedAt: '2026-02-27T00:00:00Z',
      mergedAt: '2026-02-28T00:00:00Z',
      environments: [
        {
          environment: 'dev',
          changed: true,
          healthyAt: '2026-02-28T01:00:00Z',
          targets: [],
        },
      ],
    });
    const service = createDeliveryMetricsService({
      history: { query: async () => [] },
      deliveries: {
        deliveriesOfServices: async requests =>
          requests.map((request, i) => ({
            entityRef: request.entityRef,
            items: [delivered(i === 0 ? shopRepo : cartRepo)],
          })),
      },
      statusStore: {
        entityObjects: async () => ({ objects: [], clusters: [] }),
      },
      config: { failureWindowMs: 60_000 },
      now: () => now,
    });
    const metrics = await service.metrics({
      subject: { kind: 'team', ref: 'group:default/team-a' },
      entities: [
        { entityRef: SHOP, service: 'shop' },
        { entityRef: CART, service: 'cart' },
      ],
      query: { window: 30 },
    });
    expect(metrics.summary.leadTimeSamples).toBe(samples);
  });
});
