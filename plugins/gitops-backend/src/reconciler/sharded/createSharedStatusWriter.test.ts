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
import { waitFor } from '../../__testUtils__/waitFor';
import { createSharedStatusWriter } from './createSharedStatusWriter';
import {
  kindIdOfKey,
  LEASES,
  objectRow,
  OBJECTS,
  upsertObjects,
} from './tables';

const postgres = migratedPostgres();

const SHOP = 'component:default/shop';
const CART = 'component:default/cart';

function record(name: string, entityRefs: string[]): ObjectStatus {
  return {
    ...normalizeObject(application(name), { cluster: 'dev' }),
    entityRefs,
  };
}

describeOnPostgres(postgres.databases)(
  'shared status writer on %s',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await postgres.init(databaseId);
      await knex(LEASES).insert({
        cluster: 'dev',
        owner: 'me',
        expires_at: knex.raw("now() + interval '1 hour'"),
      });
    });

    /** A writer holding dev, over a cache of `records`, recording what it says was written. */
    function writerOver(records: Map<string, ObjectStatus>) {
      const written: Array<{ entityRefs: string[]; clusters: string[] }> = [];
      const writer = createSharedStatusWriter({
        knex,
        replicaId: 'me',
        logger: mockServices.logger.mock(),
        lookup: key => records.get(key),
        written: change => written.push(change),
        flushIntervalMs: 60_000, // written when the test flushes
      });
      writer.hold('dev');
      return { writer, written };
    }

    /** Whether some statement of this database waits for a lock now. */
    async function someoneWaitsForALock() {
      const { rows } = await knex.raw(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return rows[0].waiting > 0 ? true : undefined;
    }

    it('says what it wrote only once the write has committed', async () => {
      const shop = record('shop', [SHOP]);
      const { writer, written } = writerOver(new Map([[shop.key, shop]]));
      // Another transaction holds the lease row, so the write waits inside its own transaction.
      const blocker = await knex.transaction();
      await blocker.raw(
        `SELECT * FROM ${LEASES} WHERE cluster = ? FOR UPDATE`,
        ['dev'],
      );
      writer.changes([{ key: shop.key, cluster: 'dev', current: shop }]);
      const flushed = writer.flush();
      await waitFor(
        'the write waiting for the lease row',
        someoneWaitsForALock,
      );
      expect(written).toEqual([]);
      await blocker.commit();
      await flushed;
      expect(written).toEqual([{ entityRefs: [SHOP], clusters: ['dev'] }]);
      expect(await knex(OBJECTS).pluck('key')).toEqual([shop.key]);
    });

    it.each<[string, (shop: ObjectStatus) => Promise<string[]>]>([
      [
        'the entities an object left',
        async shop => {
          const moved = { ...shop, entityRefs: [SHOP] };
          const { writer, written } = writerOver(new Map([[shop.key, moved]]));
          writer.changes([
            { key: shop.key, cluster: 'dev', previous: shop, current: moved },
          ]);
          await writer.flush();
          return written.flatMap(change => change.entityRefs).sort();
        },
      ],
      [
        'the entities of rows a relist swept (left by a previous owner)',
        async shop => {
          const { writer, written } = writerOver(new Map());
          writer.replaced(kindIdOfKey(shop.key), []);
          await writer.flush();
          return written.flatMap(change => change.entityRefs).sort();
        },
      ],
    ])('names %s', async (_name, act) => {
      const shop = record('shop', [CART, SHOP]);
      await upsertObjects(knex, [objectRow(shop, 'previous-owner')]);
      expect(await act(shop)).toEqual([CART, SHOP]);
    });
  },
);
