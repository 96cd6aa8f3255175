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

const fieldsOf = (resource: ManagedResourceStatus): Field[] =>
  FIELDS.map(field => resource[field] ?? null);

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Strings other than names written more than once (not repeating the previous row), each written once. */
function valueTable(rows: Field[][]) {
  const counts = new Map<string, number>();
  rows.forEach((row, r) => {
    row.forEach((value, i) => {
      const repeated = r > 0 && rows[r - 1][i] === value;
      if (i !== NAME && !repeated && typeof value === 'string') {
        if (value.length > 1) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    });
  });
  const table = [...counts].filter(([, n]) => n > 1).map(([value]) => value);
  return { table, index: new Map(table.map((value, i) => [value, i + 1])) };
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
  const packed: Packed[][] = rows.map((fields, r) => {
    const previous = r > 0 ? rows[r - 1] : undefined;
    const row: Packed[] = fields.map((value, i): Packed => {
      const before = previous?.[i];
      if (previous && value === before) return SAME;
      if (typeof value !== 'string') return value;
      if (i === NAME && typeof before === 'string') {
        const shared = commonPrefix(before, value);
        if (shared >= MIN_PREFIX) return [shared, value.slice(shared)];
      }
      return index.get(value) ?? value;
    });
    while (row.length > 0 && row[row.length - 1] === SAME) row.pop();
    return row;
  });
  return JSON.stringify([table, ...packed]);
}

export function unpackResources(packed: string): ManagedResourceStatus[] {
  const [table, ...rows] = JSON.parse(packed) as [string[], ...Packed[][]];
  let previous: Field[] = [];
  return rows.map(row => {
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
    return toResource(fields);
  });
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
