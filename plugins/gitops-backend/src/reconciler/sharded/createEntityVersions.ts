import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { OBJECTS } from './tables';

/**
 * Rows commit out of timestamp order (a write transaction stamps rows with clock_timestamp() and commits later), so
 * each refresh re-reads from the start of the oldest write transaction still open (pg_stat_activity; rows it stamps
 * are no older) or the previous refresh, whichever is earlier, less this margin.
 */
const OVERLAP_MS = 5_000;

interface ChangedRow {
  key: string;
  entity_keys: string[];
  previous_entity_keys: string[];
  at: number;
}

/**
 * A version per entity (lowercased ref) that moves on whenever one of its objects changes in
 * `gitops_object_status`, read from the `updated_at` watermark, so rows computed for an entity are reused until
 * they are out of date. It keeps no copy of the objects: memory per entity, not per object of the fleet.
 */
export interface EntityVersions {
  /** The first call starts at the present; later calls read rows changed since the last one. Serialized. */
  refresh(): Promise<void>;
  /** True once the first refresh finished (versions taken before it may miss changes). */
  ready(): boolean;
  versionOf(entityKey: string): number;
  /** Moves entities on for a change the table does not show yet (this replica's own cache). */
  bump(entityKeys: Iterable<string>): void;
  /** Runs after every refresh, in the refresh's turn (TeamView rows catch up before the next refresh). */
  afterRefresh(listener: () => Promise<void>): void;
  /** Refreshes every `intervalMs` until stopped. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/**
 * Every row stamped before this (ms epoch) is committed or rolled back: the start of the oldest write transaction
 * open now (rows are stamped with clock_timestamp(), never before it), or now when none is open.
 */
export async function settledBefore(knex: Knex): Promise<number> {
  const { rows } = await knex.raw(
    `SELECT (extract(epoch from coalesce(min(xact_start), now())) * 1000)::float8 AS at
     FROM pg_stat_activity
     WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
  );
  return rows[0].at as number;
}

export function createEntityVersions(options: {
  knex: Knex;
  logger: LoggerService;
}): EntityVersions {
  const { knex, logger } = options;
  const versions = new Map<string, number>();
  /** key -> change time already counted, inside the overlap window (re-read rows move nothing on). */
  const seen = new Map<string, number>();
  const listeners: Array<() => Promise<void>> = [];
  let watermark: number | undefined;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function bump(entityKeys: Iterable<string>) {
    for (const key of entityKeys)
      versions.set(key, (versions.get(key) ?? 0) + 1);
  }

  async function update(since: number) {
    const settled = await settledBefore(knex);
    const rows: ChangedRow[] = await knex(OBJECTS)
      .select(
        'key',
        'entity_keys',
        'previous_entity_keys',
        knex.raw('(extract(epoch from updated_at) * 1000)::float8 AS at'),
      )
      .where('updated_at', '>', new Date(since - OVERLAP_MS));
    for (const row of rows) {
      if ((seen.get(row.key) ?? -1) >= row.at) continue;
      seen.set(row.key, row.at);
      bump(row.entity_keys);
      bump(row.previous_entity_keys);
    }
    // Rows stamped after `settled` may still be uncommitted: the next update reads from there again.
    watermark = settled;
    for (const [key, at] of seen) {
      if (at <= settled - OVERLAP_MS) seen.delete(key);
    }
  }

  function refresh() {
    running = running
      .then(async () => {
        if (watermark === undefined) watermark = await settledBefore(knex);
        else await update(watermark);
        for (const listener of listeners) await listener();
      })
      .catch(error => {
        logger.warn(`gitops: reading changed status rows failed: ${error}`);
      });
    return running;
  }

  function loop(intervalMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      refresh().finally(() => loop(intervalMs));
    }, intervalMs);
  }

  return {
    refresh,
    ready: () => watermark !== undefined,
    versionOf: entityKey => versions.get(entityKey) ?? 0,
    bump,
    afterRefresh: listener => listeners.push(listener),
    start(intervalMs) {
      stopped = false;
      refresh().finally(() => loop(intervalMs));
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
