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
