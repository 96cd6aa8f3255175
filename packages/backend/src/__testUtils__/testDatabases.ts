import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases database-backed tests run on: embedded SQLite always, and PostgreSQL when its connection string is
 * in the environment (`.ci/run` starts one and sets BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING).
 */
export function createTestDatabases() {
  return TestDatabases.create({
    ids: [
      'POSTGRES_18',
      'POSTGRES_17',
      'POSTGRES_16',
      'POSTGRES_15',
      'POSTGRES_14',
      'SQLITE_3',
    ],
    disableDocker: true,
  });
}
