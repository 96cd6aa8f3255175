import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { SummaryObject } from '../StatusService';
import { OBJECTS } from './tables';

/**
 * Rows commit out of timestamp order (a write transaction stamps rows with clock_timestamp() and commits later), so
 * each refresh re-reads from the start of the oldest write transaction still open (pg_stat_activity; rows it stamps
 * are no older) or the previous refresh, whichever is earlier, less this margin.
 */
const OVERLAP_MS = 5_000;
/** Every object is read afresh this often (into new maps, swapped in), bounding what a late commit can hide. */
const RELOAD_MS = 5 * 60_000;
/** Rows per page of the first load (keyset pages keep each result small). */
const PAGE = 5_000;

interface Row {
  key: string;
  cluster: string;
  environment: string | null;
  sync: string;
  health: string;
  revision: string | null;
  entity_keys: string[];
  deleted: boolean;
  at: number;
}

/** What the team grid needs of one object; shared strings (clusters, states, entity keys) are interned. */
export interface TeamObject extends Omit<SummaryObject, 'stale'> {
  entityKeys: readonly string[];
}

/**
 * A per-replica copy of the team-view columns of every object in `gitops_object_status`, so team status is
 * answered from memory instead of a PostgreSQL query of thousands of rows per request. Loaded once, then kept
 * current from the `updated_at` watermark. It costs ~250 bytes of heap per object (all replicas' objects, not only
 * this replica's share).
 */
export interface TeamReadModel {
  /** The first call loads every row; later calls apply rows changed since the last one. Serialized. */
  refresh(): Promise<void>;
  /** True once the first load finished. */
  ready(): boolean;
  /** Live objects of an entity (lowercased ref). */
  objectsOf(entityKey: string): TeamObject[];
  /** Changes whenever one of the entity's objects changes (a row cache checks it). */
  versionOf(entityKey: string): number;
  size(): number;
  /** Refreshes every `intervalMs` until stopped. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function createTeamReadModel(options: {
  knex: Knex;
  logger: LoggerService;
}): TeamReadModel {
  const { knex, logger } = options;
  let objects = new Map<string, TeamObject>();
  let byEntity = new Map<string, Set<TeamObject>>();
  let loadedAt = 0;
  const versions = new Map<string, number>();
  const touch = (entityKeys: readonly string[]) => {
    for (const key of entityKeys)
      versions.set(key, (versions.get(key) ?? 0) + 1);
  };
  const strings = new Map<string, string>();
  const keyLists = new Map<string, readonly string[]>();
  let watermark: number | undefined;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const intern = (text: string) => {
    const kept = strings.get(text);
    if (kept !== undefined) return kept;
    strings.set(text, text);
    return text;
  };
  const internKeys = (keys: string[]) => {
    const id = keys.join('\n');
    const kept = keyLists.get(id);
    if (kept) return kept;
    const list = Object.freeze(keys.map(intern));
    keyLists.set(id, list);
    return list;
  };

  function apply(row: Row, into = { objects, byEntity }) {
    const old = into.objects.get(row.key);
    if (old) {
      touch(old.entityKeys);
      for (const entityKey of old.entityKeys) {
        into.byEntity.get(entityKey)?.delete(old);
      }
      into.objects.delete(row.key);
    }
    if (row.deleted) return;
    const object: TeamObject = {
      key: row.key,
      cluster: intern(row.cluster),
      environment:
        row.environment === null ? undefined : intern(row.environment),
      sync: intern(row.sync) as TeamObject['sync'],
      health: { status: intern(row.health) as TeamObject['health']['status'] },
      revision: row.revision ?? undefined,
      entityKeys: internKeys(row.entity_keys),
    };
    into.objects.set(row.key, object);
    touch(object.entityKeys);
    for (const entityKey of object.entityKeys) {
      let set = into.byEntity.get(entityKey);
      if (!set) into.byEntity.set(entityKey, (set = new Set()));
      set.add(object);
    }
  }

  const columns = () => [
    'key',
    'cluster',
    'environment',
    'sync',
    'health',
    'revision',
    'entity_keys',
    'deleted',
    knex.raw('(extract(epoch from updated_at) * 1000)::float8 AS at'),
  ];

  /** Reads every live row into fresh maps, then swaps them in (readers never see a half-loaded model). */
  async function load() {
    const from = await settledBefore();
    const fresh = {
      objects: new Map<string, TeamObject>(),
      byEntity: new Map<string, Set<TeamObject>>(),
    };
    let after = '';
    for (;;) {
      const page: Row[] = await knex(OBJECTS)
        .select(columns())
        .where('deleted', false)
        .where('key', '>', after)
        .orderBy('key')
        .limit(PAGE);
      for (const row of page) apply(row, fresh);
      if (page.length < PAGE) break;
      after = page[page.length - 1].key;
    }
    objects = fresh.objects;
    byEntity = fresh.byEntity;
    // Every entity's rows may differ from what was served: all versions move on.
    for (const key of versions.keys()) touch([key]);
    for (const key of byEntity.keys()) touch([key]);
    loadedAt = Date.now();
    // Rows written during the load are re-read by the next update (overlap window).
    watermark = Math.min(watermark ?? from, from);
  }

  /**
   * Every row stamped before this (ms epoch) is committed or rolled back: the start of the oldest write transaction
   * open now (rows are stamped with clock_timestamp(), never before it), or now when none is open.
   */
  async function settledBefore(): Promise<number> {
    const { rows } = await knex.raw(
      `SELECT (extract(epoch from coalesce(min(xact_start), now())) * 1000)::float8 AS at
       FROM pg_stat_activity
       WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
    );
    return rows[0].at as number;
  }

  async function update(since: number) {
    const settled = await settledBefore();
    const rows: Row[] = await knex(OBJECTS)
      .select(columns())
      .where('updated_at', '>', new Date(since - OVERLAP_MS));
    // Each row is its current version, so applying the overlap again is harmless.
    for (const row of rows) apply(row);
    // Rows stamped after `settled` may still be uncommitted: the next update reads from there again.
    watermark = settled;
  }

  function refresh() {
    running = running
      .then(() =>
        watermark === undefined || Date.now() - loadedAt > RELOAD_MS
          ? load()
          : update(watermark),
      )
      .catch(error => {
        logger.warn(`gitops: refreshing the team read model failed: ${error}`);
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
    objectsOf: entityKey => [...(byEntity.get(entityKey) ?? [])],
    versionOf: entityKey => versions.get(entityKey) ?? 0,
    size: () => objects.size,
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
