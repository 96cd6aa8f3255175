import { ResponseError } from '@backstage/errors';
import { setupGitopsServer } from '../__testUtils__/server';
import { testApis } from '../__testUtils__/apis';
import {
  argoApp,
  delivery,
  entityStatus,
  historyEntry,
  SHOP_REF,
} from '../__testUtils__/fixtures';

const shop = { kind: 'Component', namespace: 'default', name: 'shop' };

describe('GitopsClient', () => {
  const backend = setupGitopsServer();

  it('parses an entity status', async () => {
    const body = entityStatus([argoApp()]);
    backend.serve('/entities/component/default/shop/status', body);
    const { client } = testApis();
    await expect(client.getEntityStatus(shop)).resolves.toEqual(body);
  });

  it('parses an entity history', async () => {
    backend.serve('/entities/component/default/shop/history', {
      items: [historyEntry()],
    });
    const { client } = testApis();
    await expect(client.getEntityHistory(shop)).resolves.toEqual({
      items: [historyEntry()],
    });
  });

  it('asks for deliveries with a limit and parses them', async () => {
    const body = { entityRef: SHOP_REF, items: [delivery()] };
    const requests = backend.serve(
      '/entities/component/default/shop/deliveries',
      body,
    );
    const { client } = testApis();
    await expect(client.getDeliveries(shop, { limit: 5 })).resolves.toEqual(
      body,
    );
    expect(requests[0].searchParams.get('limit')).toBe('5');
  });

  it('sends the overview filters as the query string', async () => {
    const requests = backend.serve('/overview', { items: [], total: 0 });
    const { client } = testApis();
    await client.getOverview({
      team: 'group:default/team-a',
      health: ['Degraded', 'Missing'],
    });
    expect(requests[0].searchParams.get('team')).toBe('group:default/team-a');
    expect(requests[0].searchParams.get('health')).toBe('Degraded,Missing');
  });

  it.each([
    [404, 'NotFoundError'],
    [500, 'Error'],
  ])('raises a ResponseError on %d', async (status, name) => {
    backend.fail('/clusters', status, 'nope');
    const { client } = testApis();
    const error = await client.getClusters().catch((e: unknown) => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: status,
      body: { error: { name } },
    });
  });

  it('refuses a body that breaks the contract', async () => {
    backend.serve('/xrds', { items: [{ name: 'x' }] });
    const { client } = testApis();
    await expect(client.getXrds()).rejects.toThrow();
  });
});
