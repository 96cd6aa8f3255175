import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { isMigrationContention, migrateLatest } from './migrateLatest';
import {
  DATABASE_IDS,
  describeOnPostgres,
} from '../../__testUtils__/databases';

const databases = TestDatabases.create({
  ids: DATABASE_IDS,
  disableDocker: true,
});

const config = {
  directory: resolvePackagePath(
    '@gitops-portal/plugin-gitops-backend',
    'migrations',
  ),
};
const LOCK = 'knex_migrations_lock';

describe('isMigrationContention', () => {
  it.each([
    ['MigrationLocked', { name: 'MigrationLocked' }, true],
    ['a duplicate table', { code: '42P07' }, true],
    ['a duplicate pg_type row', { code: '23505' }, true],
    ['a syntax error', { code: '42601' }, false],
    ['a plain error', new Error('boom'), false],
    ['undefined', undefined, false],
  ])('%s: %s', (_name, error, expected) => {
    expect(isMigrationContention(error)).toBe(expected);
  });
});

describe.each(databases.eachSupportedId())(
  'migrateLatest on %s',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      // Another replica is migrating: it holds knex's lock (committed, as between its migrations).
      await knex.migrate.latest(config);
      await knex(LOCK).update({ is_locked: 1 });
    });

    it('waits out a lock another replica holds, then migrates', async () => {
      const retries: string[] = [];
      await migrateLatest(knex, config, {
        baseDelayMs: 10,
        onRetry: async (error, attempt) => {
          retries.push((error as Error).name);
          // The other replica finishes after our second attempt.
          if (attempt === 2) await knex(LOCK).update({ is_locked: 0 });
        },
      });
      expect(retries).toEqual(['MigrationLocked', 'MigrationLocked']);
      expect(await knex(LOCK).first('is_locked')).toEqual({ is_locked: 0 });
    });

    it('gives up with MigrationLocked after the last attempt', async () => {
      await expect(
        migrateLatest(knex, config, { attempts: 3, baseDelayMs: 10 }),
      ).rejects.toMatchObject({ name: 'MigrationLocked' });
    });
  },
);

describeOnPostgres(databases)(
  'two replicas migrating a fresh %s at once',
  databaseId => {
    it('both finish, the schema migrated once', async () => {
      const knex = await databases.init(databaseId);
      await Promise.all([
        migrateLatest(knex, config, { baseDelayMs: 10 }),
        migrateLatest(knex, config, { baseDelayMs: 10 }),
      ]);
      const rows: Array<{ name: string }> = await knex(
        'knex_migrations',
      ).select('name');
      const names = rows.map(row => row.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain('20261124000000_history.js');
    });
  },
);
