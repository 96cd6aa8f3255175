import { ManagedResourceStatus } from '@gitops-portal/plugin-gitops-common';

type Field = string | boolean | null;
/** Name written as the previous resource's first `n` characters plus a suffix. */
type NameDelta = [number, string];
/** A packed field: a value, `SAME`, a 1-based index into the list's value table, or a name delta. */
type Packed = Field | number | NameDelta;

/** A field equal to the same field of the previous resource (real values are never numbers). */
const SAME = 0;
/** Shorter shared name prefixes are not worth a delta. */
const MIN_PREFIX = 4;

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
const NAME = FIELDS.indexOf('name');
const [GROUP, KIND, NAMESPACE, HEALTH, MESSAGE] = (
  ['group', 'kind', 'namespace', 'health', 'message'] as const
).map(field => FIELDS.indexOf(field));

/** The fields in `FIELDS` order, read by name (no closure and keyed read per field: every relist packs every list). */
const fieldsOf = (resource: ManagedResourceStatus): Field[] => [
  resource.group ?? null,
  resource.version ?? null,
  resource.kind ?? null,
  resource.namespace ?? null,
  resource.name ?? null,
  resource.sync ?? null,
  resource.health ?? null,
  resource.message ?? null,
  resource.requiresPruning ?? null,
];

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Strings other than names written more than once (not repeating the previous row), each written once. */
function valueTable(rows: Field[][]) {
  const counts = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const previous = r > 0 ? rows[r - 1] : undefined;
    for (let i = 0; i < WIDTH; i++) {
      const value = row[i];
      if (i === NAME || typeof value !== 'string' || value.length < 2) continue;
      if (previous?.[i] === value) continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const table: string[] = [];
  const index = new Map<string, number>();
  for (const [value, n] of counts) {
    if (n > 1) index.set(value, table.push(value));
  }
  return { table, index };
}

/**
 * Argo CD's per-resource list as one string: it is most of an Application's record, and only the entity
 * view reads it. JSON `[table, ...rows]`: a field repeating the previous resource's is `0` and trailing ones
 * are left out; repeated strings (kinds, groups, namespaces, statuses, which alternate in most lists) are
 * indexes into `table`; a name sharing a prefix with the previous one is `[prefixLength, suffix]`.
 */
export function packResources(
  resources: ManagedResourceStatus[] | undefined,
): string | undefined {
  if (!resources || resources.length === 0) return undefined;
  const rows = resources.map(fieldsOf);
  const { table, index } = valueTable(rows);
  const packed: (string[] | Packed[])[] = [table];
  for (let r = 0; r < rows.length; r++) {
    const fields = rows[r];
    const previous = r > 0 ? rows[r - 1] : undefined;
    const row: Packed[] = new Array(WIDTH);
    for (let i = 0; i < WIDTH; i++)
      row[i] = packField(fields[i], i, previous, index);
    while (row.length > 0 && row[row.length - 1] === SAME) row.pop();
    packed.push(row);
  }
  return JSON.stringify(packed);
}

/** One field of a row: `SAME`, a name delta, a value table index or the value itself. */
function packField(
  value: Field,
  i: number,
  previous: Field[] | undefined,
  index: Map<string, number>,
): Packed {
  const before = previous?.[i];
  if (previous && value === before) return SAME;
  if (typeof value !== 'string') return value;
  if (i === NAME && typeof before === 'string') {
    const shared = commonPrefix(before, value);
    if (shared >= MIN_PREFIX) return [shared, value.slice(shared)];
  }
  return index.get(value) ?? value;
}

/** The resources of a packed list in order, each as its fields in `FIELDS` order. */
function forEachRow(packed: string, visit: (fields: Field[]) => void) {
  const [table, ...rows] = JSON.parse(packed) as [string[], ...Packed[][]];
  let previous: Field[] = [];
  for (const row of rows) {
    const fields: Field[] = new Array(WIDTH);
    for (let i = 0; i < WIDTH; i++) {
      const value = i < row.length ? row[i] : SAME;
      if (value === SAME) fields[i] = previous[i];
      else if (typeof value === 'number') fields[i] = table[value - 1];
      else if (Array.isArray(value)) {
        fields[i] = String(previous[i]).slice(0, value[0]) + value[1];
      } else fields[i] = value;
    }
    previous = fields;
    visit(fields);
  }
}

export function unpackResources(packed: string): ManagedResourceStatus[] {
  const resources: ManagedResourceStatus[] = [];
  forEachRow(packed, fields => resources.push(toResource(fields)));
  return resources;
}

/** What an Application's report reads of one resource. */
export type ReportedResourceVisitor = (
  group: string,
  kind: string,
  namespace: string | undefined,
  name: string,
  health: string | undefined,
  message: string | undefined,
) => void;

/**
 * The fields a report reads of each resource of a packed list, without building the resource objects: a cold start
 * reads every Application's list for its report right after packing it.
 */
export function forEachReportedResource(
  packed: string,
  visit: ReportedResourceVisitor,
) {
  forEachRow(packed, fields =>
    visit(
      fields[GROUP] as string,
      fields[KIND] as string,
      (fields[NAMESPACE] ?? undefined) as string | undefined,
      fields[NAME] as string,
      (fields[HEALTH] ?? undefined) as string | undefined,
      (fields[MESSAGE] ?? undefined) as string | undefined,
    ),
  );
}

/**
 * A resource from its fields, the absent optional ones left out, keys in the order they always had. Stores into
 * one literal, not spreads of one-field literals: unpacking runs for every Application of a relist (its report).
 */
function toResource(fields: Field[]): ManagedResourceStatus {
  const [group, version, kind, namespace, name, sync, health, message, prune] =
    fields;
  const resource: Record<string, Field> = { group, version, kind };
  if (namespace !== null) resource.namespace = namespace;
  resource.name = name;
  resource.sync = sync;
  if (health !== null) resource.health = health;
  if (message !== null) resource.message = message;
  if (prune !== null) resource.requiresPruning = prune;
  return resource as unknown as ManagedResourceStatus;
}
