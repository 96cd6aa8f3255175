import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  HealthStatus,
  HistoryEntry,
  HistorySource,
  historySourceSchema,
  SyncStatus,
} from '@gitops-portal/plugin-gitops-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { chunks } from '../../lib/chunks';
import { migrateLatest } from './migrateLatest';
import { HistoryStore, HistoryTransition, ObservedState } from './types';

const TABLE = 'gitops_history';
/** Stay well below SQLite's bound-parameter limit. */
const CHUNK = 200;

interface Row {
  id: number | string;
  object_key: string;
  resource_version: string;
  entity_refs: string;
  cluster: string;
  environment: string | null;
  kind: string;
  namespace: string | null;
  name: string;
  from_sync: string | null;
  from_health: string | null;
  from_revision: string | null;
  from_revisions: string | null;
  to_sync: string;
  to_health: string;
  to_revision: string | null;
  to_revisions: string | null;
  sources: string | null;
  at: Date | string | number;
}

const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');
const encodeRefs = (refs: string[]) =>
  refs.length ? `|${refs.map(refKey).join('|')}|` : '';
const escapeLike = (text: string) => text.replace(/[\\%_]/g, c => `\\${c}`);

const COLUMNS = [
  'object_key',
  'resource_version',
  'entity_refs',
  'cluster',
  'environment',
  'kind',
  'namespace',
  'name',
  'from_sync',
  'from_health',
  'from_revision',
  'from_revisions',
  'to_sync',
  'to_health',
  'to_revision',
  'to_revisions',
  'sources',
  'at',
] as const;

/**
 * One multi-row insert as plain SQL (valid on SQLite and PostgreSQL). Built once per batch size:
 * knex's query builder allocates several KB per inserted value, which made the history the
 * largest allocation of a cold start (every object's first status is recorded then).
 */
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(', ')})`;
const insertSql = (rows: number) =>
  `insert into ${TABLE} (${COLUMNS.join(', ')}) values ${Array(rows)
    .fill(ROW_PLACEHOLDERS)
    .join(', ')} on conflict (object_key, resource_version) do nothing`;

const encodeRevisions = (revisions: string[] | undefined) =>
  revisions ? JSON.stringify(revisions) : null;

/** The revisions column: null (rows written before it, single-source objects) or a JSON list of strings. */
function decodeRevisions(text: string | null): string[] | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every(v => typeof v === 'string')
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/** The sources column: null (older rows, single-source objects) or a JSON list of `{ repoURL, chart }`. */
function decodeSources(text: string | null): HistorySource[] | undefined {
  if (text === null) return undefined;
  try {
    const parsed = z.array(historySourceSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The stored state a row ends in. */
function toState(row: Row): ObservedState {
  const revisions = decodeRevisions(row.to_revisions);
  return {
    sync: row.to_sync as SyncStatus,
    health: row.to_health as HealthStatus,
    ...(row.to_revision ? { revision: row.to_revision } : {}),
    ...(revisions ? { revisions } : {}),
  };
}

function toRow(t: HistoryTransition): Omit<Row, 'id'> {
  return {
    object_key: t.key,
    resource_version: t.resourceVersion,
    entity_refs: encodeRefs(t.entityRefs),
    cluster: t.cluster,
    environment: t.environment ?? null,
    kind: t.kind,
    namespace: t.namespace ?? null,
    name: t.name,
    from_sync: t.from?.sync ?? null,
    from_health: t.from?.health ?? null,
    from_revision: t.from?.revision ?? null,
    from_revisions: encodeRevisions(t.from?.revisions),
    to_sync: t.to.sync,
    to_health: t.to.health,
    to_revision: t.to.revision ?? null,
    to_revisions: encodeRevisions(t.to.revisions),
    sources: t.sources ? JSON.stringify(t.sources) : null,
    at: t.at,
  };
}

function toEntry(row: Row, entityRef: string): HistoryEntry {
  const sources = decodeSources(row.sources);
  const opt = <T>(value: T | null) => (value === null ? undefined : value);
  const from = {
    sync: opt(row.from_sync) as SyncStatus | undefined,
    health: opt(row.from_health) as HealthStatus | undefined,
    revision: opt(row.from_revision),
    revisions: decodeRevisions(row.from_revisions),
  };
  return {
    id: String(row.id),
    key: row.object_key,
    entityRef,
    cluster: row.cluster,
    ...(row.environment ? { environment: row.environment } : {}),
    kind: row.kind,
    ...(row.namespace ? { namespace: row.namespace } : {}),
    name: row.name,
    from: Object.fromEntries(
      Object.entries(from).filter(([, v]) => v !== undefined),
    ),
    to: toState(row),
    ...(sources ? { sources } : {}),
    at: new Date(row.at).toISOString(),
  };
}

export async function createHistoryStore(
  database: DatabaseService,
): Promise<HistoryStore> {
  const knex: Knex = await database.getClient();
  if (!database.migrations?.skip) {
    // Retried: replicas starting together contend for knex's migration lock.
    await migrateLatest(knex, {
      directory: resolvePackagePath(
        '@gitops-portal/plugin-gitops-backend',
        'migrations',
      ),
    });
  }
  return {
    async record(transitions) {
      if (transitions.length === 0) return;
      // One transaction for all the chunks: a cold start records every object's first state, and on SQLite each
      // statement committed on its own waited for its own journal sync (50 per 10,000 rows) on the event loop.
      await knex.transaction(async trx => {
        for (const batch of chunks(transitions, CHUNK)) {
          const bindings: Knex.Value[] = [];
          for (const transition of batch) {
            const row = toRow(transition);
            for (const column of COLUMNS) bindings.push(row[column]);
          }
          await trx.raw(insertSql(batch.length), bindings);
        }
      });
    },
    async lastStates(keys) {
      const states = new Map<string, ObservedState>();
      for (const batch of chunks([...new Set(keys)], CHUNK)) {
        const rows: Row[] = await knex(TABLE).whereIn(
          'id',
          knex(TABLE)
            .max('id')
            .whereIn('object_key', batch)
            .groupBy('object_key'),
        );
        for (const row of rows) states.set(row.object_key, toState(row));
      }
      return states;
    },
    async query({ entityRef, objectKeys = [], since, limit }) {
      const refs = [entityRef].flat();
      if (refs.length === 0) return []; // no entity asked: no rows (an empty filter would match them all)
      const encoded = refs.map(ref => `|${refKey(ref)}|`);
      const rows: Row[] = await knex(TABLE)
        .where(builder => {
          for (const wanted of encoded) {
            builder.orWhereRaw("entity_refs LIKE ? ESCAPE '\\'", [
              `%${escapeLike(wanted)}%`,
            ]);
          }
          for (const batch of chunks(objectKeys, CHUNK)) {
            builder.orWhereIn('object_key', batch);
          }
        })
        .modify(builder => {
          if (since) builder.where('at', '>=', since);
        })
        .orderBy([
          { column: 'at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(limit);
      // A row found by its object key alone (recorded before the mapping) names the first entity asked.
      return rows.map(row =>
        toEntry(
          row,
          refs[encoded.findIndex(ref => row.entity_refs.includes(ref))] ??
            refs[0],
        ),
      );
    },
    async prune(olderThan) {
      return knex(TABLE).where('at', '<', olderThan).delete();
    },
  };
}
