import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

/** Every database the plugin supports; the PostgreSQL ones run where a connection string is set (.ci/run sets one). */
export const DATABASE_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'SQLITE_3',
];

export const POSTGRES_IDS = DATABASE_IDS.filter(id =>
  id.startsWith('POSTGRES'),
);

/** Why a PostgreSQL-only suite is skipped, naming the variable that would run it (scripts/test.sh sets one). */
export const NO_POSTGRES_REASON =
  'skipped: no PostgreSQL, set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (or POSTGRES14/16/17/18)';

/**
 * `describe.each` over the PostgreSQL databases that have a connection string. Without one the suite is still
 * registered, skipped with the reason in its title, so jest reports its tests as skipped instead of failing a file
 * that holds no test (or a `describe.each` over an empty table).
 */
export function describeOnPostgres(databases: TestDatabases) {
  const postgres = databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));
  if (postgres.length > 0) return describe.each(postgres);
  // eslint-disable-next-line jest/no-disabled-tests -- on purpose: reported as skipped, with the reason in the title
  const skipped = describe.skip.each([['POSTGRES_15' as const]]);
  return (name: string, fn: (databaseId: TestDatabaseId) => void) =>
    skipped(`${name} (${NO_POSTGRES_REASON})`, fn);
}

/** A test database as the plugin's DatabaseService (migrations run). */
export const asDatabaseService = (knex: Knex): DatabaseService => ({
  getClient: async () => knex,
  migrations: { skip: false },
});

/** PostgreSQL test databases with the plugin's tables (the shared-store tests' set-up). */
export function migratedPostgres() {
  const databases = TestDatabases.create({
    ids: POSTGRES_IDS,
    disableDocker: true,
  });
  return {
    databases,
    async init(id: TestDatabaseId): Promise<Knex> {
      const knex = await databases.init(id);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@gitops-portal/plugin-gitops-backend',
          'migrations',
        ),
      });
      return knex;
    },
  };
}
