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
});
