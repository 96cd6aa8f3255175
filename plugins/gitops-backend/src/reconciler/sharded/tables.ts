import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { Knex } from 'knex';
import { TeamViewObject } from '../../services/StatusStore';

/** Tables from migrations/20261124120000_sharding.js (PostgreSQL only). */
export const OBJECTS = 'gitops_object_status';
export const CLUSTERS = 'gitops_cluster_status';
export const LEASES = 'gitops_cluster_leases';

/** Entity refs compare case-insensitively in Backstage. */
export const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/** `cluster|group|kind` (the watcher's kindId) from `cluster/group/kind/namespace/name`. */
export function kindIdOfKey(key: string): string {
  const [cluster, group, kind] = key.split('/', 3);
  return `${cluster}|${group}|${kind}`;
}

/** The columns the TeamView needs, so TeamViews never parse status JSON. */
interface SummaryRow {
  key: string;
  cluster: string;
  environment: string | null;
  sync: string;
  health: string;
  revision: string | null;
  entity_keys: string[];
}

export function objectRow(record: ObjectStatus, owner: string) {
  const { stale: _stale, ...stored } = record;
  return {
    key: record.key,
    cluster: record.cluster,
    kind_id: kindIdOfKey(record.key),
    owner,
    engine: record.engine,
    kind: record.kind,
    namespace: record.namespace ?? null,
    name: record.name,
    environment: record.environment ?? null,
    preview: record.preview !== undefined,
    sync: record.sync,
    health: record.health.status,
    revision: record.revision ?? null,
    entity_refs: record.entityRefs,
    entity_keys: record.entityRefs.map(refKey),
    status: JSON.stringify(stored),
    deleted: false,
  };
}

export type ObjectRow = ReturnType<typeof objectRow>;

/**
 * Inserts or replaces rows, stamped now. `previous_entity_keys` keeps the old row's entity keys when the object
 * moved to other entities (and is kept otherwise, so a reader that missed the move's version still hears of it).
 */
export async function upsertObjects(knex: Knex, rows: ObjectRow[]) {
  if (rows.length === 0) return;
  const merge: Record<string, Knex.Raw> = {};
  for (const column of [...Object.keys(rows[0]), 'updated_at']) {
    merge[column] = knex.raw('excluded.??', [column]);
  }
  merge.previous_entity_keys = knex.raw(
    `CASE WHEN ${OBJECTS}.entity_keys = excluded.entity_keys
     THEN ${OBJECTS}.previous_entity_keys ELSE ${OBJECTS}.entity_keys END`,
  );
  await knex(OBJECTS)
    .insert(
      rows.map(row => ({ ...row, updated_at: knex.raw('clock_timestamp()') })),
    )
    .onConflict('key')
    .merge(merge);
}

/** What the TeamView reads of an object; `shared` when it belongs to more than one entity. */
export type TeamObject = Omit<TeamViewObject, 'stale'> & { shared: boolean };

/**
 * The live objects of these entities' environments (lowercased refs) outside `exceptClusters`, by entity key:
 * previews left out, as `environmentObjects` does for a local TeamView.
 */
export async function readTeamObjects(
  knex: Knex,
  entityKeys: string[],
  exceptClusters: string[] = [],
): Promise<Map<string, TeamObject[]>> {
  const rows: SummaryRow[] = await knex(OBJECTS)
    .select(
      'key',
      'cluster',
      'environment',
      'sync',
      'health',
      'revision',
      'entity_keys',
    )
    .where({ deleted: false, preview: false })
    .whereRaw('entity_keys && ?::text[]', [entityKeys])
    .whereRaw('NOT (cluster = ANY(?::text[]))', [exceptClusters]);
  const byEntity = new Map<string, TeamObject[]>(
    entityKeys.map(key => [key, []]),
  );
  for (const row of rows) {
    const object: TeamObject = {
      key: row.key,
      cluster: row.cluster,
      environment: row.environment ?? undefined,
      sync: row.sync as TeamObject['sync'],
      health: { status: row.health as TeamObject['health']['status'] },
      revision: row.revision ?? undefined,
      shared: row.entity_keys.length > 1,
    };
    for (const key of row.entity_keys) byEntity.get(key)?.push(object);
  }
  return byEntity;
}
