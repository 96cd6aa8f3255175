import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { Knex } from 'knex';
import { application } from '../../__testUtils__/clusters';
import { createObjectCache, ObjectCache } from '../ObjectCache';
import { createHistoryRecorder } from './createHistoryRecorder';
import { createHistoryStore } from './createHistoryStore';
import { HistoryTransition } from './types';
import {
  asDatabaseService as asService,
  DATABASE_IDS,
} from '../../__testUtils__/databases';

const databases = TestDatabases.create({
  ids: DATABASE_IDS,
  disableDocker: true,
});

const SHOP = 'component:default/shop';
const SHOP_KEY = 'dev/argoproj.io/Application/argocd/shop';
const APP_KIND = 'dev|argoproj.io|Application';

function transition(
  resourceVersion: string,
  to: HistoryTransition['to'],
  at: string,
  overrides: Partial<HistoryTransition> = {},
): HistoryTransition {
  return {
    key: 'dev/argoproj.io/Application/argocd/shop',
    resourceVersion,
    entityRefs: [SHOP],
    cluster: 'dev',
    environment: 'dev',
    kind: 'Application',
    namespace: 'argocd',
    name: 'shop',
    from: { sync: 'Synced', health: 'Healthy' },
    to,
    at: new Date(at),
    ...overrides,
  };
}

const degraded = {
  sync: 'Synced',
  health: 'Degraded',
  revision: 'abc',
} as const;
const healthy = { sync: 'Synced', health: 'Healthy', revision: 'def' } as const;

describe.each(databases.eachSupportedId())('HistoryStore on %s', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
  });

  it("serves an entity's transitions newest first", async () => {
    const store = await createHistoryStore(asService(knex));
    await store.record([
      transition('10', degraded, '2026-01-01T10:00:00Z'),
      transition('11', healthy, '2026-01-01T11:00:00Z'),
    ]);
    const items = await store.query({ entityRef: SHOP, limit: 10 });
    expect(items.map(i => [i.to.health, i.to.revision, i.at])).toEqual([
      ['Healthy', 'def', '2026-01-01T11:00:00.000Z'],
      ['Degraded', 'abc', '2026-01-01T10:00:00.000Z'],
    ]);
    expect(items[0]).toMatchObject({
      entityRef: SHOP,
      cluster: 'dev',
      from: { health: 'Healthy' },
    });
  });

  it('filters by since and limit', async () => {
    const store = await createHistoryStore(asService(knex));
    await store.record([
      transition('10', degraded, '2026-01-01T10:00:00Z'),
      transition('11', healthy, '2026-01-01T11:00:00Z'),
      transition('12', degraded, '2026-01-01T12:00:00Z'),
    ]);
    const since = await store.query({
      entityRef: SHOP,
      since: new Date('2026-01-01T10:30:00Z'),
      limit: 10,
    });
    expect(since.map(i => i.at)).toEqual([
      '2026-01-01T12:00:00.000Z',
      '2026-01-01T11:00:00.000Z',
    ]);
    const limited = await store.query({ entityRef: SHOP, limit: 1 });
    expect(limited.map(i => i.at)).toEqual(['2026-01-01T12:00:00.000Z']);
  });

  it('does not mix up entities whose refs share a prefix or LIKE wildcards', async () => {
    const store = await createHistoryStore(asService(knex));
    await store.record([
      transition('10', degraded, '2026-01-01T10:00:00Z', {
        entityRefs: ['component:default/shop_x'],
      }),
      transition('11', degraded, '2026-01-01T10:00:00Z', {
        entityRefs: ['component:default/shopx'],
      }),
    ]);
    const items = await store.query({
      entityRef: 'component:default/shop_x',
      limit: 10,
    });
    expect(items.map(i => i.id)).toHaveLength(1);
    expect(await store.query({ entityRef: SHOP, limit: 10 })).toEqual([]);
  });

  it("serves several entities' transitions in one query, each naming its entity", async () => {
    const store = await createHistoryStore(asService(knex));
    const CART = 'component:default/cart';
    await store.record([
      transition('10', degraded, '2026-01-01T10:00:00Z'),
      transition('11', healthy, '2026-01-01T11:00:00Z', {
        key: 'dev/argoproj.io/Application/argocd/cart',
        entityRefs: [CART],
      }),
      transition('12', healthy, '2026-01-01T12:00:00Z', {
        key: 'dev/argoproj.io/Application/argocd/other',
        entityRefs: ['component:default/other'],
      }),
    ]);
    const items = await store.query({ entityRef: [SHOP, CART], limit: 10 });
    expect(items.map(i => [i.entityRef, i.key])).toEqual([
      [CART, 'dev/argoproj.io/Application/argocd/cart'],
      [SHOP, SHOP_KEY],
    ]);
  });

  it('records a transition seen by two replicas once', async () => {
    const replicaA = await createHistoryStore(asService(knex));
    const replicaB = await createHistoryStore(asService(knex));
    const change = transition('42', degraded, '2026-01-01T10:00:00Z');
    await Promise.all([replicaA.record([change]), replicaB.record([change])]);
    expect(await replicaA.query({ entityRef: SHOP, limit: 10 })).toHaveLength(
      1,
    );
  });

  it('keeps history across a restart and records nothing unchanged after it', async () => {
    const cache = createObjectCache();
    const first = await createHistoryStore(asService(knex));
    const recorder = createHistoryRecorder({
      cache,
      store: first,
      logger: mockServices.logger.mock(),
    });
    const observe = (health: string, rv: string) =>
      cache.upsert('dev|argoproj.io|Application', {
        record: {
          ...normalizeObject(application('shop', { health }), {
            cluster: 'dev',
          }),
          entityRefs: [],
        },
        match: {},
        resourceVersion: rv,
      });
    observe('Healthy', '1');
    observe('Degraded', '2');
    await recorder.stop();
    const key = 'dev/argoproj.io/Application/argocd/shop';

    // A new process: fresh cache and store, the same database.
    const cacheAfter = createObjectCache();
    const second = await createHistoryStore(asService(knex));
    const recorderAfter = createHistoryRecorder({
      cache: cacheAfter,
      store: second,
      logger: mockServices.logger.mock(),
    });
    cacheAfter.upsert('dev|argoproj.io|Application', {
      record: normalizeObject(application('shop', { health: 'Degraded' }), {
        cluster: 'dev',
      }),
      match: {},
      resourceVersion: '3', // relisted: same state, newer RV
    });
    await recorderAfter.stop();
    const rows = await second.query({
      entityRef: 'x',
      objectKeys: [key],
      limit: 10,
    });
    expect(rows.map(r => [r.from.health, r.to.health])).toEqual([
      ['Healthy', 'Degraded'],
      [undefined, 'Healthy'],
    ]);
  });

  it.each([
    [
      'a watch DELETED event',
      (cache: ObjectCache) => cache.remove(SHOP_KEY, '3'),
    ],
    [
      'vanishing on a relist',
      (cache: ObjectCache) => cache.replaceKind(APP_KIND, []),
    ],
  ])(
    'records one Missing row for %s, also when two replicas see it',
    async (_name, remove) => {
      const startReplica = async () => {
        const cache = createObjectCache();
        const store = await createHistoryStore(asService(knex));
        const recorder = createHistoryRecorder({
          cache,
          store,
          logger: mockServices.logger.mock(),
        });
        cache.upsert(APP_KIND, {
          record: normalizeObject(application('shop'), { cluster: 'dev' }),
          match: {},
          resourceVersion: '1',
        });
        await recorder.flush();
        return { cache, store, recorder };
      };
      // One after the other: two migrations at once race on SQLite.
      const replicas = [await startReplica(), await startReplica()];
      for (const { cache } of replicas) remove(cache);
      await Promise.all(replicas.map(({ recorder }) => recorder.stop()));
      const rows = await replicas[0].store.query({
        entityRef: 'x',
        objectKeys: [SHOP_KEY],
        limit: 10,
      });
      expect(rows.map(r => [r.from.health, r.to.sync, r.to.health])).toEqual([
        ['Healthy', 'Unknown', 'Missing'],
        [undefined, 'Synced', 'Healthy'],
      ]);
    },
  );

  it('prunes transitions older than the retention', async () => {
    const store = await createHistoryStore(asService(knex));
    await store.record([
      transition('10', degraded, '2026-01-01T10:00:00Z'),
      transition('11', healthy, '2026-03-01T10:00:00Z'),
    ]);
    expect(await store.prune(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(
      (await store.query({ entityRef: SHOP, limit: 10 })).map(i => i.to.health),
    ).toEqual(['Healthy']);
  });
});
