import {
  ARGOCD_APPLICATION_KIND,
  MatchableObject,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { packResources, unpackResources } from './packResources';

/** The empty list every record without conditions or entities shares. */
const NONE = Object.freeze([]) as unknown as never[];

/** Upper bound of the string pool; it is cleared when full (interning is an optimisation only). */
const MAX_POOLED = 200_000;

/**
 * Shares one copy of repeated strings (cluster, namespace, kind, engine, environment, repo URLs,
 * resource kinds and statuses, timestamps, label keys and values) between all cached objects. Strings
 * parsed from each watch event and list page are fresh copies otherwise.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

  intern<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const pooled = this.pool.get(value);
    if (pooled !== undefined) return pooled as T;
    if (this.pool.size >= MAX_POOLED) this.pool.clear();
    this.pool.set(value, value);
    return value;
  }

  /** One shared, frozen copy of each distinct list (every object of an entity has the same entity refs). */
  internList(list: string[]): string[] {
    if (list.length === 0) return NONE;
    const id = list.join('\n');
    const pooled = this.lists.get(id);
    if (pooled !== undefined) return pooled;
    if (this.lists.size >= MAX_POOLED) this.lists.clear();
    const frozen = Object.freeze(list.map(item => this.intern(item)));
    this.lists.set(id, frozen as string[]);
    return frozen as string[];
  }

  get size() {
    return this.pool.size;
  }
}

/**
 * Fields whose values are unique (or nearly) per object: pooling them would only grow the pool. Revisions are
 * pooled: every Application synced from one config repository reports the same commit.
 */
const UNIQUE = new Set(['key', 'name', 'uid', 'path']);

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
  out.conditions = record.conditions.length
    ? record.conditions.map(c => internFields(c, pool))
    : NONE;
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

/** The same record with another health (and its source), keeping the packed list packed. */
export function withHealth(
  record: ObjectStatus,
  health: ObjectStatus['health'],
  healthSource: NonNullable<ObjectStatus['healthSource']>,
): ObjectStatus {
  const packed = (record as { [PACKED]?: string })[PACKED];
  if (packed === undefined) return { ...record, health, healthSource };
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(record)) {
    if (field !== 'resources')
      fields[field] = record[field as keyof ObjectStatus];
  }
  return withPackedResources(
    { ...(fields as ObjectStatus), health, healthSource },
    packed,
  );
}

/** Labels, namespace, kind, name and tracking with pooled strings (most label keys and many values repeat). */
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
  const namespace = match.namespace ? pool.intern(match.namespace) : undefined;
  const application = match.kind === ARGOCD_APPLICATION_KIND;
  const argoTrackingApp = match.argoTrackingApp
    ? pool.intern(match.argoTrackingApp)
    : undefined;
  // Literals of fixed shapes, the smallest that holds what the object has (no property added later, which would
  // give each object a second store). Kind and name only matter to matchers of Applications (argocd/app-name,
  // argocd/app-selector).
  if (application) {
    const { name } = match;
    return {
      labels,
      namespace,
      kind: ARGOCD_APPLICATION_KIND,
      name,
      argoTrackingApp,
    };
  }
  return argoTrackingApp
    ? { labels, namespace, argoTrackingApp }
    : { labels, namespace };
}
