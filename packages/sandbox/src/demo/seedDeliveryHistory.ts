import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import knexFactory from 'knex';
import { SeedTransition } from './deliveryHistory';

/** The portal's history migrations: the table is created exactly as the backend would, so it finds it migrated. */
const MIGRATIONS = resolvePackagePath(
  '@internal/sandbox',
  '../../plugins/gitops-backend/migrations',
);

/** Backstage's SQLite file of the gitops plugin in `backend.database.connection.directory`. */
export const GITOPS_DATABASE_FILE = 'gitops.sqlite';

/**
 * Writes the seeded history into the portal's database before its first start (no database file yet); a database
 * the portal already wrote is left alone. Returns whether it seeded.
 */
export async function seedDeliveryHistory(
  dataDir: string,
  transitions: SeedTransition[],
): Promise<boolean> {
  const filename = join(dataDir, GITOPS_DATABASE_FILE);
  if (existsSync(filename)) return false;
  mkdirSync(dataDir, { recursive: true });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
  try {
    await knex.migrate.latest({ directory: MIGRATIONS });
    const rows = transitions.map(t => ({
      object_key: t.key,
      resource_version: t.resourceVersion,
      entity_refs: `|${t.entityRef.toLocaleLowerCase('en-US')}|`,
      cluster: t.cluster,
      environment: t.environment,
      kind: t.kind,
      namespace: t.namespace,
      name: t.name,
      from_sync: t.from?.sync ?? null,
      from_health: t.from?.health ?? null,
      from_revision: t.from?.revision ?? null,
      from_revisions: null,
      to_sync: t.to.sync,
      to_health: t.to.health,
      to_revision: t.to.revision,
      to_revisions: null,
      at: t.at,
    }));
    await knex.batchInsert('gitops_history', rows, 100);
    return true;
  } finally {
    await knex.destroy();
  }
}
