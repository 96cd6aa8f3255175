import {
  ARGOCD_APPLICATION_KIND,
  Health,
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
 * resource kinds and statuses, timestamps, label values) between all cached objects. Strings
 * parsed from each watch event and list page are fresh copies otherwise.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  private readonly objects = new Map<string, object>();

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

  /**
   * One shared, frozen copy of each distinct flat object, its repeated strings pooled (drift policies: most
   * Applications of an estate run the same one).
   */
  internObject<T extends object>(value: T): T {
    const id = JSON.stringify(value);
    const pooled = this.objects.get(id);
    if (pooled !== undefined) return pooled as T;
    if (this.objects.size >= MAX_POOLED) this.objects.clear();
    const frozen = Object.freeze(internFields(value, this));
    this.objects.set(id, frozen);
    return frozen;
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

/** One frozen Health per status, shared by every record whose health has no message (most: Healthy has none). */
const SHARED_HEALTHS = new Map<string, Health>();

/** A record's health as the cache keeps it: shared when it is a status alone. */
function compactHealth(health: Health, pool: StringPool): Health {
  if (health.message !== undefined) return internFields(health, pool);
  let shared = SHARED_HEALTHS.get(health.status);
  if (!shared) {
    shared = Object.freeze({ status: health.status });
    SHARED_HEALTHS.set(health.status, shared);
  }
  return shared;
}

/**
 * The record as the cache keeps it: the same ObjectStatus (every view reads the same fields), with its
 * repeated strings interned and nested objects rebuilt from pooled strings.
 */
export function compactRecord(
  record: ObjectStatus,
  pool: StringPool,
  entityRefs: string[] = record.entityRefs,
  key: string = record.key,
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
  out.key = key;
  out.entityRefs = entityRefs;
  out.health = compactHealth(record.health, pool);
  out.conditions = record.conditions.length
    ? record.conditions.map(c => internFields(c, pool))
    : NONE;
  if (record.operation) out.operation = internFields(record.operation, pool);
  if (record.source) out.source = internFields(record.source, pool);
  if (record.driftPolicy)
    out.driftPolicy = pool.internObject(record.driftPolicy);
  // A copy by spread: `out` got its fields by keyed stores, and past ~18 of them V8 keeps such an object in
  // dictionary mode (a ~1.6 KB property table per record); the spread's copy has fast properties.
  return withPackedResources(
    { ...out } as ObjectStatus,
    packResources(record.resources),
  );
}

const PACKED = Symbol('packedResources');

/** The packed per-resource list of a cached record (the same string the record holds), if it has one. */
export function packedResourcesOf(record: ObjectStatus): string | undefined {
  return (record as { [PACKED]?: string })[PACKED];
}

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

/** The same record with some fields replaced, keeping the packed list packed (a spread would unpack it). */
function withFields(
  record: ObjectStatus,
  changed: Partial<ObjectStatus>,
): ObjectStatus {
  const packed = packedResourcesOf(record);
  if (packed === undefined) return { ...record, ...changed };
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(record)) {
    if (field !== 'resources')
      fields[field] = record[field as keyof ObjectStatus];
  }
  return withPackedResources(
    { ...(fields as ObjectStatus), ...changed },
    packed,
  );
}

/** The same record mapped to other entities. */
export const withEntityRefs = (record: ObjectStatus, entityRefs: string[]) =>
  withFields(record, { entityRefs });

/** The same record with another health (and its source). */
export const withHealth = (
  record: ObjectStatus,
  health: ObjectStatus['health'],
  healthSource: NonNullable<ObjectStatus['healthSource']>,
) => withFields(record, { health, healthSource });

/**
 * The string labels in an object of their exact size, the values pooled (keys are property names, which V8 keeps
 * once). An object built by keyed stores starts with room for four properties, 56 bytes whether it gets one label
 * or four, and moves a fifth one out of the object; the object JSON.parse builds holds its properties in itself,
 * no slack (32 bytes for one label, 40 for two). Stores to properties the object already has keep its shape.
 */
function compactLabels(
  raw: Record<string, string>,
  pool: StringPool,
): Record<string, string> {
  const isString = (value: unknown) => typeof value === 'string';
  // Labels are strings in Kubernetes: the copy without the others is rare.
  const strings = Object.values(raw).every(isString)
    ? raw
    : Object.fromEntries(Object.entries(raw).filter(([, v]) => isString(v)));
  const labels: Record<string, string> = JSON.parse(JSON.stringify(strings));
  for (const key of Object.keys(labels)) {
    labels[key] = pool.intern(labels[key]);
  }
  return labels;
}

/** Labels, namespace, kind, name and tracking with pooled strings (most label keys and many values repeat). */
export function compactMatch(
  match: MatchableObject,
  pool: StringPool,
): MatchableObject {
  const labels = compactLabels(match.labels ?? {}, pool);
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
    const kind = ARGOCD_APPLICATION_KIND;
    return argoTrackingApp
      ? { labels, namespace, kind, name, argoTrackingApp }
      : { labels, namespace, kind, name };
  }
  return argoTrackingApp
    ? { labels, namespace, argoTrackingApp }
    : { labels, namespace };
}
