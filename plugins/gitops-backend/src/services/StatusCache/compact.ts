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
  // for-in, not Object.entries: no pair arrays for every field of every cached object.
  for (const field in value) {
    if (value[field] !== undefined) {
      const v = value[field];
      out[field] =
        typeof v === 'string' && !UNIQUE.has(field) ? pool.intern(v) : v;
    }
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
  entityRefs: string[] = record.entityRefs,
): ObjectStatus {
  // One pass, one new object (this runs for every object of every relist). The per-resource list is
  // kept packed (see packResources, withPackedResources); `uid` is read by no view or service. No
  // `delete`: it would turn the record into a slow, much larger dictionary-mode object.
  const out: Record<string, unknown> = {};
  for (const field in record) {
    if (field === 'resources' || field === 'uid') continue;
    const v = record[field as keyof ObjectStatus];
    if (v === undefined) continue;
    out[field] =
      typeof v === 'string' && !UNIQUE.has(field) ? pool.intern(v) : v;
  }
  out.entityRefs = entityRefs;
  out.health = internFields(record.health, pool);
  out.conditions = record.conditions.map(c => internFields(c, pool));
  if (record.operation) out.operation = internFields(record.operation, pool);
  if (record.source) out.source = internFields(record.source, pool);
  return withPackedResources(
    out as ObjectStatus,
    packResources(record.resources),
  );
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

/** The packed fields of a resource, in order. */
const FIELDS = [
  'group',
  'version',
  'kind',
  'namespace',
  'name',
  'sync',
  'health',
  'message',
  'requiresPruning',
] as const;
const WIDTH = FIELDS.length;

/**
 * Argo CD's per-resource list as one string: it is most of an Application's record, and only the
 * entity view reads it. One flat JSON array, `FIELDS` per resource, in which a field repeating the
 * previous resource's is `0` (group, kind, namespace, sync and health mostly repeat), so ten
 * resources take a few hundred bytes instead of ten objects with their own strings.
 */
export function packResources(
  resources: ManagedResourceStatus[] | undefined,
): string | undefined {
  if (!resources || resources.length === 0) return undefined;
  const flat: (Field | typeof SAME)[] = new Array(resources.length * WIDTH);
  for (let r = 0; r < resources.length; r++) {
    for (let i = 0; i < WIDTH; i++) {
      const field = resources[r][FIELDS[i]] ?? null;
      flat[r * WIDTH + i] =
        r > 0 && field === (resources[r - 1][FIELDS[i]] ?? null) ? SAME : field;
    }
  }
  return JSON.stringify(flat);
}

export function unpackResources(packed: string): ManagedResourceStatus[] {
  const flat = JSON.parse(packed) as (Field | typeof SAME)[];
  const result: ManagedResourceStatus[] = [];
  let previous: Field[] = [];
  for (let start = 0; start < flat.length; start += WIDTH) {
    const fields: Field[] = new Array(WIDTH);
    for (let i = 0; i < WIDTH; i++) {
      const field = flat[start + i];
      fields[i] = field === SAME ? previous[i] : field;
    }
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
    result.push({
      group,
      version,
      kind,
      ...(namespace !== null ? { namespace } : {}),
      name,
      sync,
      ...(health !== null ? { health } : {}),
      ...(message !== null ? { message } : {}),
      ...(prune !== null ? { requiresPruning: prune } : {}),
    } as ManagedResourceStatus);
  }
  return result;
}

/** Labels and namespace with pooled strings (most label keys and many values repeat). */
export function compactMatch(
  match: MatchableObject,
  pool: StringPool,
): MatchableObject {
  const labels: Record<string, string> = {};
  const raw = match.labels ?? {};
  for (const key in raw) {
    if (typeof raw[key] === 'string') {
      labels[pool.intern(key)] = pool.intern(raw[key]);
    }
  }
  return {
    labels,
    ...(match.namespace ? { namespace: pool.intern(match.namespace) } : {}),
  };
}
