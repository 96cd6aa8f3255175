import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeEmulator } from '@internal/kube-emulator';
import {
  application,
  startClusters,
  watcherFor,
} from '../../__testUtils__/clusters';
import { component } from '../../__testUtils__/fixtures';
import { waitFor } from '../../__testUtils__/waitFor';
import { ClusterWatcher } from '../ClusterWatcher';
import { createEntityIndex } from '../EntityIndex';
import { HistoryStore } from '../HistoryStore';
import { createObjectCache } from '../ObjectCache';
import { createLocalStatusStore } from './createLocalStatusStore';

const ID = 'backstage.io/kubernetes-id';
const SHOP = 'component:default/shop';

/** History is not under test here; an empty store. */
const noHistory: HistoryStore = {
  record: async () => {},
  lastStates: async () => new Map(),
  query: async () => [],
  prune: async () => 0,
};

describe('createLocalStatusStore', () => {
  let emulator: KubeEmulator;
  let watcher: ClusterWatcher;

  afterEach(async () => {
    await watcher?.stop();
    await emulator.close();
  });

  async function setup(staleAfterMs: number) {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    dev.apply([
      application('shop', { health: 'Degraded' }, { [ID]: 'shop' }),
      application(
        'shop-canary',
        { health: 'Healthy' },
        { [ID]: 'shop', 'gitops-portal.io/environment': 'canary' },
      ),
    ]);
    const cache = createObjectCache();
    watcher = watcherFor(dev, { staleAfterMs }, cache).watcher;
    const entityIndex = createEntityIndex({
      catalog: catalogServiceMock({
        entities: [component('shop', 'team-a', { [ID]: 'shop' })],
      }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      cache,
    });
    await entityIndex.refresh();
    watcher.start();
    const store = createLocalStatusStore({
      cache,
      entityIndex,
      watchers: () => [watcher],
      history: noHistory,
    });
    await waitFor(
      'both objects',
      async () => (await store.entityObjects(SHOP)).objects.length === 2,
    );
    return { dev, store };
  }

  it("serves a reachable cluster's objects without stale marks", async () => {
    const { store } = await setup(60_000);
    const { objects, clusters } = await store.entityObjects(SHOP);
    expect(objects.map(o => [o.name, o.health.status, o.stale])).toEqual([
      ['shop', 'Degraded', undefined],
      ['shop-canary', 'Healthy', undefined],
    ]);
    expect(clusters.map(c => c.state)).toEqual(['ok']);
  });

  it("serves a dead cluster's last-known objects marked stale", async () => {
    const { dev, store } = await setup(100);
    await dev.stop();
    await waitFor('stale', async () =>
      (await store.entityObjects(SHOP)).objects.every(o => o.stale),
    );
    const { objects, clusters } = await store.entityObjects(SHOP);
    expect(objects[0].health.status).toBe('Degraded');
    expect(objects[0].stale?.since).toBe(clusters[0].staleSince);
    expect(objects[0].stale?.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(
      (await store.teamView('group:default/team-a', [SHOP])).rows[0]
        .environments,
    ).toEqual({
      dev: expect.objectContaining({ health: 'Degraded', stale: true }),
      canary: expect.objectContaining({ health: 'Healthy', stale: true }),
    });
  });

  it("groups a team's objects by environment", async () => {
    const { store } = await setup(60_000);
    expect(store.teamEntities('group:default/team-a')).toEqual([SHOP]);
    const team = await store.teamView('group:default/team-a', [SHOP]);
    expect(team.rows).toEqual([
      {
        entityRef: SHOP,
        worstHealth: 'Degraded',
        environments: {
          dev: { sync: 'Synced', health: 'Degraded', revision: 'a'.repeat(40) },
          canary: {
            sync: 'Synced',
            health: 'Healthy',
            revision: 'a'.repeat(40),
          },
        },
      },
    ]);
  });
});
