import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { normalizeObject, ObjectStatus } from '@internal/plugin-gitops-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { application } from '../../__testUtils__/clusters';
import { HistoryStore } from '../HistoryStore';
import { describeOnPostgres } from '../Sharding/__testUtils__/shardingSuite';
import { createEntityIndex } from '../EntityIndex';
import { createStatusCache } from '../StatusCache';
import { createSharedStatusReader } from './createSharedStatusReader';
import { createTeamReadModel } from './createTeamReadModel';
import { objectRow, OBJECTS } from './tables';
import { POSTGRES_IDS } from '../../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: POSTGRES_IDS,
  disableDocker: true,
});

const SHOP = 'component:default/shop';
const CART = 'component:default/cart';
const TEAM = 'group:default/team-a';

function record(
  cluster: string,
  health: string,
  entityRefs = [SHOP],
): ObjectStatus {
  return {
    ...normalizeObject(application('app', { health }), { cluster }),
    entityRefs,
  };
}

const noHistory: HistoryStore = {
  record: async () => {},
  lastStates: async () => new Map(),
  query: async () => [],
  prune: async () => 0,
};

describeOnPostgres(databases)('team read model on %s', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-gitops-backend',
        'migrations',
      ),
    });
  });

  /** What the owning replica's writer does: upsert (or tombstone) the row. */
  async function write(object: ObjectStatus, deleted = false) {
    await knex(OBJECTS)
      .insert({
        ...objectRow(object, 'owner'),
        deleted,
        updated_at: knex.fn.now(),
      })
      .onConflict('key')
      .merge();
  }

  const healthOf = (
    model: ReturnType<typeof createTeamReadModel>,
    ref: string,
  ) => model.objectsOf(ref).map(o => [o.cluster, o.health.status]);

  it.each<[string, ObjectStatus[], string[][], string[][]]>([
    [
      'loads rows written before it started',
      [],
      [['dev', 'Healthy']],
      [['dev', 'Healthy']],
    ],
    [
      'applies a changed row',
      [record('dev', 'Degraded')],
      [['dev', 'Degraded']],
      [],
    ],
    [
      'moves an object whose entity changed',
      [record('dev', 'Healthy', [CART])],
      [],
      [['dev', 'Healthy']],
    ],
  ])('%s', async (_name, changes, shop, cart) => {
    await write(record('dev', 'Healthy', [SHOP, CART]));
    const model = createTeamReadModel({
      knex,
      logger: mockServices.logger.mock(),
    });
    await model.refresh();
    for (const change of changes) await write(change);
    await model.refresh();
    expect(healthOf(model, SHOP)).toEqual(shop);
    expect(healthOf(model, CART)).toEqual(cart);
  });

  it('catches a row committed long after it was stamped', async () => {
    const model = createTeamReadModel({
      knex,
      logger: mockServices.logger.mock(),
    });
    await model.refresh();
    // A slow write transaction stamps its row, then other writes commit rows stamped a minute later.
    const slow = await knex.transaction();
    await slow(OBJECTS).insert({
      ...objectRow(record('dev', 'Degraded'), 'owner'),
      updated_at: slow.raw('clock_timestamp()'),
    });
    await knex(OBJECTS).insert({
      ...objectRow(record('prod', 'Healthy'), 'owner'),
      updated_at: knex.raw("now() + interval '1 minute'"),
    });
    await model.refresh();
    await slow.commit();
    await model.refresh();
    expect(healthOf(model, SHOP).sort()).toEqual([
      ['dev', 'Degraded'],
      ['prod', 'Healthy'],
    ]);
  });

  it('forgets a tombstoned object', async () => {
    await write(record('dev', 'Healthy'));
    const model = createTeamReadModel({
      knex,
      logger: mockServices.logger.mock(),
    });
    await model.refresh();
    await write(record('dev', 'Healthy'), true);
    await model.refresh();
    expect(model.objectsOf(SHOP)).toEqual([]);
    expect(model.size()).toBe(0);
  });

  /** A reader over the model plus a cache holding cluster prod, as a replica owning prod has. */
  async function replicaHoldingProd() {
    await write(record('dev', 'Healthy'));
    await write(record('prod', 'Healthy'));
    const model = createTeamReadModel({
      knex,
      logger: mockServices.logger.mock(),
    });
    await model.refresh();
    const cache = createStatusCache();
    cache.setEntityMapping({ entityRefsFor: () => [SHOP], teamOf: () => TEAM });
    const observe = (health: string, resourceVersion: string) =>
      cache.upsert('prod|argoproj.io|Application', {
        record: normalizeObject(application('app', { health }), {
          cluster: 'prod',
        }),
        match: {},
        resourceVersion,
      });
    const reader = createSharedStatusReader({
      knex,
      entityIndex: createEntityIndex({
        catalog: catalogServiceMock({ entities: [] }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        cache,
      }),
      history: noHistory,
      clusters: [{ name: 'dev' }, { name: 'prod' }],
      staleAfterMs: 60_000,
      teamModel: model,
      local: {
        held: () => ['prod'],
        byEntity: ref => cache.byEntity(ref),
        subscribe: listener =>
          cache.subscribe(changes =>
            listener(changes.flatMap(c => c.current?.entityRefs ?? [])),
          ),
      },
    });
    const healths = async () =>
      Object.entries(
        (await reader.teamStatus(TEAM, [SHOP])).rows[0].environments,
      )
        .map(([env, cell]) => [env, cell.health])
        .sort();
    return { model, observe, healths };
  }

  it("serves held clusters from the replica's cache, others from the model", async () => {
    const { observe, healths } = await replicaHoldingProd();
    // The owner of prod saw it degrade; its write has not reached the table yet.
    observe('Degraded', '2');
    expect(await healths()).toEqual([
      ['dev', 'Healthy'],
      ['prod', 'Degraded'],
    ]);
  });

  it.each([
    ['a change in the cache', 'prod'],
    ['a change another replica wrote', 'dev'],
  ])('answers the next team request with %s', async (_name, cluster) => {
    const { model, observe, healths } = await replicaHoldingProd();
    observe('Healthy', '2');
    expect(await healths()).toEqual([
      ['dev', 'Healthy'],
      ['prod', 'Healthy'],
    ]);
    if (cluster === 'prod') observe('Degraded', '3');
    else {
      await write(record('dev', 'Degraded'));
      await model.refresh();
    }
    expect(Object.fromEntries(await healths())[cluster]).toBe('Degraded');
  });
});
