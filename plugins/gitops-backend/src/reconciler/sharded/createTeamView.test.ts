import { mockServices } from '@backstage/backend-test-utils';
import {
  normalizeObject,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { Knex } from 'knex';
import { application } from '../../__testUtils__/clusters';
import {
  describeOnPostgres,
  migratedPostgres,
} from '../../__testUtils__/databases';
import { EntityIndex } from '../../services/EntityIndex';
import { HistoryStore } from '../../services/HistoryStore';
import { compareObjects, teamViewOf } from '../../services/StatusStore';
import {
  SYNC_FAMILIES,
  syncedApplication,
} from '../../services/StatusStore/__testUtils__/syncFamilies';
import { createObjectCache } from '../../services/ObjectCache';
import { createEntityVersions } from './createEntityVersions';
import { createSharedStatusStore } from './createSharedStatusStore';
import { LocalObjects } from './createTeamView';
import { CLUSTERS, objectRow, OBJECTS, refKey, upsertObjects } from './tables';
import { waitFor } from '../../__testUtils__/waitFor';

const postgres = migratedPostgres();

const SHOP = 'component:default/shop';
const CART = 'component:default/cart';
const TEAM = 'group:default/team-a';

function record(
  cluster: string,
  health: string,
  entityRefs = [SHOP],
  name = 'app',
): ObjectStatus {
  return {
    ...normalizeObject(application(name, { health }), { cluster }),
    entityRefs,
  };
}

const noHistory: HistoryStore = {
  record: async () => {},
  lastStates: async () => new Map(),
  query: async () => [],
  prune: async () => 0,
};

/** Both entities belong to the team; the index itself is not under test. */
const entityIndex: EntityIndex = {
  entityRefsFor: () => [],
  teamOf: () => TEAM,
  refresh: async () => 2,
  refreshForUnknown: async () => {},
  has: () => true,
  entitiesOfTeam: () => [SHOP, CART],
  ownedEntities: () => [SHOP, CART],
  hasTeam: () => true,
};

describeOnPostgres(postgres.databases)('TeamView rows on %s', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await postgres.init(databaseId);
  });

  /** What the owning replica's writer does: upsert the row (or its tombstone). */
  async function write(object: ObjectStatus, deleted = false) {
    await upsertObjects(knex, [{ ...objectRow(object, 'owner'), deleted }]);
  }

  /** A replica's StatusStore with TeamView rows; `local` stands for the clusters it holds. */
  async function replica(local?: LocalObjects, now?: () => number) {
    const versions = createEntityVersions({
      knex,
      logger: mockServices.logger.mock(),
    });
    await versions.refresh();
    const store = createSharedStatusStore({
      knex,
      entityIndex,
      history: noHistory,
      clusters: [{ name: 'dev' }, { name: 'prod' }],
      staleAfterMs: 60_000,
      teamView: { versions, local },
      now,
    });
    const team = () => store.teamView(TEAM, [SHOP, CART]);
    /** entity -> [[environment, health]] of the TeamView */
    const grid = async () =>
      Object.fromEntries(
        (await team()).rows.map(row => [
          row.entityRef,
          Object.entries(row.environments)
            .map(([env, cell]) => [env, cell.health])
            .sort(),
        ]),
      );
    /** entity -> environments whose cell is marked stale */
    const staleCells = async () =>
      Object.fromEntries(
        (await team()).rows.map(row => [
          row.entityRef,
          Object.entries(row.environments)
            .filter(([, cell]) => cell.stale)
            .map(([env]) => env),
        ]),
      );
    return { versions, team, grid, staleCells };
  }

  it.each<[string, ObjectStatus[], Record<string, string[][]>]>([
    [
      'applies a changed row',
      [record('dev', 'Degraded', [SHOP, CART])],
      { [SHOP]: [['dev', 'Degraded']], [CART]: [['dev', 'Degraded']] },
    ],
    [
      'moves an object whose entity changed',
      [record('dev', 'Healthy', [CART])],
      { [SHOP]: [], [CART]: [['dev', 'Healthy']] },
    ],
    [
      'moves an object twice between two reads',
      [record('dev', 'Healthy', [CART]), record('dev', 'Degraded', [CART])],
      { [SHOP]: [], [CART]: [['dev', 'Degraded']] },
    ],
    [
      'adds an object of a new cluster',
      [record('prod', 'Progressing')],
      {
        [SHOP]: [
          ['dev', 'Healthy'],
          ['prod', 'Progressing'],
        ],
        [CART]: [['dev', 'Healthy']],
      },
    ],
  ])('%s', async (_name, changes, expected) => {
    await write(record('dev', 'Healthy', [SHOP, CART]));
    const { versions, grid } = await replica();
    await grid(); // rows kept from here on
    for (const change of changes) await write(change);
    await versions.refresh();
    expect(await grid()).toEqual(expected);
  });

  it.each(SYNC_FAMILIES)(
    '%s next to a Synced Application: the cell is %s, as the local TeamView says',
    async (_family, object, cellSync) => {
      const objects = [syncedApplication(), object];
      for (const each of objects) await write(each);
      // dev's owner reports, so no cell is marked stale (the local view has no stale marks here).
      await knex(CLUSTERS).insert({
        cluster: 'dev',
        owner: 'owner',
        state: JSON.stringify({ name: 'dev', state: 'connected', kinds: [] }),
        xrds: '[]',
        signature: '',
        heartbeat_at: knex.fn.now(),
        changed_at: knex.fn.now(),
      });
      const { team } = await replica();
      const sharded = await team();
      const local = teamViewOf(TEAM, [SHOP, CART], ref =>
        ref === SHOP ? [...objects].sort(compareObjects) : [],
      );
      const shop = sharded.rows.find(row => row.entityRef === SHOP);
      expect(shop?.environments.dev.sync).toBe(cellSync);
      expect(sharded).toEqual(local);
    },
  );

  /** A Degraded Application of shop's preview for pull request 7, on `cluster`. */
  const preview = (cluster: string): ObjectStatus => ({
    ...record(cluster, 'Degraded', [SHOP], 'shop-pr-7'),
    environment: 'pr-7',
    preview: {
      pullRequestNumber: 7,
      pullRequestUrl: 'https://github.com/acme/shop/pull/7',
    },
  });

  it("leaves a preview's objects out of the rows, from the table and from the replica's cache", async () => {
    await write(record('dev', 'Healthy'));
    await write(preview('dev'));
    const { grid } = await replica({
      held: () => ['prod'],
      byEntity: ref => (ref === SHOP ? [preview('prod')] : []),
    });
    expect((await grid())[SHOP]).toEqual([['dev', 'Healthy']]);
  });

  it('forgets a tombstoned object', async () => {
    await write(record('dev', 'Healthy'));
    const { versions, team } = await replica();
    expect((await team()).counts.total).toBe(1);
    await write(record('dev', 'Healthy'), true);
    await versions.refresh();
    expect((await team()).counts.total).toBe(0);
  });

  it('marks the cells of a cluster whose owner stopped reporting stale', async () => {
    await write(record('dev', 'Healthy'));
    await write(record('prod', 'Healthy'));
    for (const cluster of ['dev', 'prod']) {
      await knex(CLUSTERS).insert({
        cluster,
        owner: 'owner',
        state: JSON.stringify({ name: cluster, state: 'connected', kinds: [] }),
        xrds: '[]',
        signature: '',
        heartbeat_at: knex.fn.now(),
        changed_at: knex.fn.now(),
      });
    }
    let clock = Date.now();
    const { staleCells } = await replica(undefined, () => clock);
    expect(await staleCells()).toEqual({ [SHOP]: [], [CART]: [] });
    // prod's owner keeps reporting; dev's went silent a minute ago.
    await knex(CLUSTERS)
      .where('cluster', 'prod')
      .update({
        heartbeat_at: knex.raw("now() + interval '2 minutes'"),
      });
    clock += 90_000;
    await waitFor('cluster rows read again', async () =>
      (await staleCells())[SHOP].length === 1 ? true : undefined,
    );
    expect(await staleCells()).toEqual({ [SHOP]: ['dev'], [CART]: [] });
  });

  it("counts an object of two of the team's entities once", async () => {
    await write(record('dev', 'Degraded', [SHOP, CART]));
    await write(record('dev', 'Healthy', [SHOP], 'shop-only'));
    const { team } = await replica();
    const { counts } = await team();
    expect(counts.total).toBe(2);
    expect(counts.byHealth.Degraded).toBe(1);
    expect(counts.byHealth.Healthy).toBe(1);
  });

  it('catches a row committed long after it was stamped', async () => {
    const { versions, grid } = await replica();
    await grid();
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
    await versions.refresh();
    await grid();
    await slow.commit();
    await versions.refresh();
    expect((await grid())[SHOP]).toEqual([
      ['dev', 'Degraded'],
      ['prod', 'Healthy'],
    ]);
  });

  it('answers from rows recomputed once their objects stopped changing, without reading objects', async () => {
    await write(record('dev', 'Healthy'));
    const { versions, grid } = await replica();
    await grid();
    await write(record('dev', 'Degraded'));
    await versions.refresh(); // hears the change
    await versions.refresh(); // nothing changed since: the row is recomputed now
    const reads: string[] = [];
    const onQuery = (query: { sql: string }) => reads.push(query.sql);
    knex.on('query', onQuery);
    try {
      expect((await grid())[SHOP]).toEqual([['dev', 'Degraded']]);
    } finally {
      knex.off('query', onQuery);
    }
    expect(reads.filter(sql => sql.includes(OBJECTS))).toEqual([]);
  });

  /** A replica holding cluster prod, whose cache saw prod's object. */
  async function replicaHoldingProd() {
    await write(record('dev', 'Healthy'));
    await write(record('prod', 'Healthy'));
    const cache = createObjectCache();
    cache.setEntityMapping({ entityRefsFor: () => [SHOP], teamOf: () => TEAM });
    const observe = (health: string, resourceVersion: string) =>
      cache.upsert('prod|argoproj.io|Application', {
        record: normalizeObject(application('app', { health }), {
          cluster: 'prod',
        }),
        match: {},
        resourceVersion,
      });
    observe('Healthy', '1');
    const built = await replica({
      held: () => ['prod'],
      byEntity: ref => cache.byEntity(ref),
    });
    // As the sharded reconciler does: entities whose objects changed in the cache move on.
    cache.subscribe(changes =>
      built.versions.bump(
        changes.flatMap(c => c.current?.entityRefs ?? []).map(refKey),
      ),
    );
    return { ...built, observe };
  }

  it("serves held clusters from the replica's cache, others from the table", async () => {
    const { observe, grid } = await replicaHoldingProd();
    // The owner of prod saw it degrade; its write has not reached the table yet.
    observe('Degraded', '2');
    expect((await grid())[SHOP]).toEqual([
      ['dev', 'Healthy'],
      ['prod', 'Degraded'],
    ]);
  });

  it.each([
    ['a change in the cache', 'prod'],
    ['a change another replica wrote', 'dev'],
  ])('answers the next team request with %s', async (_name, cluster) => {
    const { versions, observe, grid } = await replicaHoldingProd();
    expect((await grid())[SHOP]).toEqual([
      ['dev', 'Healthy'],
      ['prod', 'Healthy'],
    ]);
    if (cluster === 'prod') observe('Degraded', '3');
    else {
      await write(record('dev', 'Degraded'));
      await versions.refresh();
    }
    expect(Object.fromEntries((await grid())[SHOP])[cluster]).toBe('Degraded');
  });
});
