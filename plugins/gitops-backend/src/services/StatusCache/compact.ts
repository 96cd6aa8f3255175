import {
  ManagedResourceStatus,
  MatchableObject,
  ObjectStatus,
} from '@internal/plugin-gitops-common';

/** Upper bound of the string pool; it is cleared when full (interning is an optimisation only). */
const MAX_POOLED = 200_000;

/**
 * Shares one copy of repeated strings (cluster, namespace, kind, engine, environment, repo URLs,
 * resource kinds and statuses, timestamps, label keys and values) between all cached objects. Strings
 * parsed from each watch event and list page are fresh copies otherwise.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  intern<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const pooled = this.pool.get(value);
    if (pooled !== undefined) return pooled as T;
    if (this.pool.size >= MAX_POOLED) this.pool.clear();
    this.pool.set(value, value);
    return value;
  }

  get size() {
    return this.pool.size;
  }
}

/** Fields whose values are unique (or nearly) per object: pooling them would only grow the pool. */
const UNIQUE = new Set([
  'key',
  'name',
  'uid',
  'revision',
  'revisionRaw',
  'path',
]);

/** Copies `value` without its undefined fields, interning the repeated string fields. */
function internFields<T extends object>(value: T, pool: StringPool): T {
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[field] =
      typeof v === 'string' && !UNIQUE.has(field) ? pool.intern(v) : v;
  }
  return out as T;
}

/**
 * The record as the cache keeps it: the same ObjectStatus (every view reads the same fields), with its
 * repeated strings interned and nested objects rebuilt from pooled strings.
 */
export function compactRecord(
  record: ObjectStatus,
  pool: StringPool,
): ObjectStatus {
  // The per-resource list is kept packed (see packResources, withPackedResources). No `delete`:
  // it would turn the record into a slow, much larger dictionary-mode object.
  // `uid` is read by no view or service: not kept.
  const { resources, uid: _unread, ...fields } = record;
  const out: ObjectStatus = {
    ...internFields(fields, pool),
    health: internFields(record.health, pool),
    conditions: record.conditions.map(c => internFields(c, pool)),
  };
  if (record.operation) out.operation = internFields(record.operation, pool);
  if (record.source) out.source = internFields(record.source, pool);
  return withPackedResources(out, packResources(resources));
}

const PACKED = Symbol('packedResources');

/** One shared getter (no closure per object): unpacks the list when a view reads or serialises it. */
function unpackedResources(this: { [PACKED]?: string }) {
  return this[PACKED] ? unpackResources(this[PACKED]) : undefined;
}

/**
 * Gives the record a `resources` getter over the packed list. Views that never read `resources` (team
 * grid, overview filters, history, alerts) never unpack it; JSON serialisation of the entity view does.
 */
function withPackedResources(
  record: ObjectStatus,
  packed: string | undefined,
): ObjectStatus {
  if (packed === undefined) return record;
  Object.defineProperty(record, PACKED, { value: packed, writable: true });
  Object.defineProperty(record, 'resources', {
    get: unpackedResources,
    enumerable: true,
    configurable: true,
  });
  return record;
}

/** The same record mapped to other entities, keeping the packed list packed (a spread would unpack it). */
export function withEntityRefs(
  record: ObjectStatus,
  entityRefs: string[],
): ObjectStatus {
  const packed = (record as { [PACKED]?: string })[PACKED];
  if (packed === undefined) return { ...record, entityRefs };
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(record)) {
    if (field !== 'resources')
      fields[field] = record[field as keyof ObjectStatus];
  }
  return withPackedResources(
    { ...(fields as ObjectStatus), entityRefs },
    packed,
  );
}

type Field = string | boolean | null;
/** A packed field equal to the same field of the previous row (never a real value: those are strings, booleans, null). */
const SAME = 0;

const toFields = (r: ManagedResourceStatus): Field[] => [
  r.group,
  r.version,
  r.kind,
  r.namespace ?? null,
  r.name,
  r.sync,
  r.health ?? null,
  r.message ?? null,
  r.requiresPruning ?? null,
];

/**
 * Argo CD's per-resource list as one string: it is most of an Application's record, and only the
 * entity view reads it. Rows are JSON tuples in which a field repeating the previous row's is `0`
 * (group, kind, namespace, sync and health mostly repeat), so ten resources take a few hundred bytes
 * instead of ten objects with their own strings.
 */
export function packResources(
  resources: ManagedResourceStatus[] | undefined,
): string | undefined {
  if (!resources || resources.length === 0) return undefined;
  let previous: Field[] = [];
  const rows = resources.map(resource => {
    const fields = toFields(resource);
    const row = fields.map((f, i) => (i > 0 && f === previous[i] ? SAME : f));
    previous = fields;
    return row;
  });
  return JSON.stringify(rows);
}

export function unpackResources(packed: string): ManagedResourceStatus[] {
  let previous: Field[] = [];
  return (JSON.parse(packed) as (Field | typeof SAME)[][]).map(row => {
    const fields = row.map((f, i) => (f === SAME ? previous[i] : f));
    previous = fields;
    const [
      group,
      version,
      kind,
      namespace,
      name,
      sync,
      health,
      message,
      prune,
    ] = fields;
    return {
      group,
      version,
      kind,
      ...(namespace !== null ? { namespace } : {}),
      name,
      sync,
      ...(health !== null ? { health } : {}),
      ...(message !== null ? { message } : {}),
      ...(prune !== null ? { requiresPruning: prune } : {}),
    } as ManagedResourceStatus;
  });
}

/** Labels and namespace with pooled strings (most label keys and many values repeat). */
export function compactMatch(
  match: MatchableObject,
  pool: StringPool,
): MatchableObject {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(match.labels ?? {})) {
    labels[pool.intern(key)] = pool.intern(value);
  }
  return {
    labels,
    ...(match.namespace ? { namespace: pool.intern(match.namespace) } : {}),
  };
}
