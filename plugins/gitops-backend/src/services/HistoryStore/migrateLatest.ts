import { Knex } from 'knex';

/** PostgreSQL errors of two first-time `knex_migrations` table creations racing (duplicate table / pg_type row). */
const CREATE_RACE_CODES = new Set(['42P07', '23505']);

/**
 * Replicas starting together run migrations at once: one holds knex's lock (`MigrationLocked` for the others) or
 * both create knex's bookkeeping tables. Those are worth waiting out; anything else is a real failure.
 */
export function isMigrationContention(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  return name === 'MigrationLocked' || CREATE_RACE_CODES.has(code ?? '');
}

export interface MigrateRetryOptions {
  /** Attempts in all (default 10: ~30 s of waiting with the default delays). */
  attempts?: number;
  /** First wait; doubles per attempt up to `maxDelayMs`. Defaults 250 ms and 5 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Heard before each wait (tests, logs). */
  onRetry?(error: unknown, attempt: number): void | Promise<void>;
}

/**
 * On PostgreSQL, one migrator at a time across replicas: knex's own lock cannot cover the first creation of its
 * tables (two replicas creating `knex_migrations` at once fail, or leave two lock rows that lock it for good). The
 * advisory lock is held by a transaction on its own connection while the migration runs on others.
 */
async function oneAtATime(knex: Knex, run: () => Promise<void>) {
  if (knex.client.config.client !== 'pg') return run();
  return knex.transaction(async trx => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
      'gitops-backend:migrations',
    ]);
    await run();
  });
}

const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/** `knex.migrate.latest`, retried with exponential backoff while another replica is migrating. */
export async function migrateLatest(
  knex: Knex,
  config: Knex.MigratorConfig,
  options: MigrateRetryOptions = {},
): Promise<void> {
  const attempts = options.attempts ?? 10;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  let delayMs = options.baseDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await oneAtATime(knex, async () => {
        await knex.migrate.latest(config);
      });
      return;
    } catch (error) {
      if (attempt >= attempts || !isMigrationContention(error)) throw error;
      await options.onRetry?.(error, attempt);
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    }
  }
}
