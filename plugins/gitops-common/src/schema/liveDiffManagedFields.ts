/*
 * Kubernetes' managedFields `fieldsV1` format (structured-merge-diff): `f:<name>` a map field, `k:<json>` a list
 * item by its key fields, `v:<json>` a set value, `i:<index>` a list item by index, `.` the field itself. Argo CD's
 * `managedFieldsManagers` hands the fields such a manager owns to the live state: they are left out of the diff.
 */

type Json = unknown;
type FieldSet = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, Json> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** A leaf of the field set: the field is owned as a whole (`{}` or only `.`). */
const isLeaf = (set: unknown) =>
  !isRecord(set) || Object.keys(set).every(key => key === '.');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a list item carries every key field of a `k:` entry. */
function matchesKey(item: Json, key: unknown): boolean {
  if (!isRecord(item) || !isRecord(key)) return false;
  return Object.entries(key).every(
    ([name, value]) => JSON.stringify(item[name]) === JSON.stringify(value),
  );
}

function removeFromList(list: Json[], entry: string, set: unknown): Json[] {
  const [prefix, rest] = [entry.slice(0, 2), entry.slice(2)];
  const matches = (item: Json, index: number) => {
    if (prefix === 'k:') return matchesKey(item, parseJson(rest));
    if (prefix === 'v:')
      return JSON.stringify(item) === JSON.stringify(parseJson(rest));
    if (prefix === 'i:') return index === Number(rest);
    return false;
  };
  if (isLeaf(set)) return list.filter((item, i) => !matches(item, i));
  list.forEach((item, i) => {
    if (matches(item, i)) removeOwnedFields(item, set as FieldSet);
  });
  return list;
}

/** Removes (in place) every field of `object` that the field set owns. */
export function removeOwnedFields(object: Json, fields: FieldSet): void {
  if (!isRecord(object)) return;
  for (const [entry, set] of Object.entries(fields)) {
    if (!entry.startsWith('f:')) continue;
    const name = entry.slice(2);
    if (!(name in object)) continue;
    if (isLeaf(set)) {
      delete object[name];
      continue;
    }
    const value = object[name];
    if (Array.isArray(value)) {
      let list = value;
      for (const [itemEntry, itemSet] of Object.entries(set as FieldSet)) {
        list = removeFromList(list, itemEntry, itemSet);
      }
      object[name] = list;
    } else {
      removeOwnedFields(value, set as FieldSet);
    }
  }
}

/** The `fieldsV1` sets of the live object's managedFields entries written by one of `managers`. */
export function fieldSetsOf(live: Json, managers: string[]): FieldSet[] {
  const entries =
    isRecord(live) && isRecord(live.metadata)
      ? live.metadata.managedFields
      : undefined;
  if (!Array.isArray(entries)) return [];
  return entries
    .filter(
      entry =>
        isRecord(entry) &&
        typeof entry.manager === 'string' &&
        managers.includes(entry.manager) &&
        isRecord(entry.fieldsV1),
    )
    .map(entry => (entry as { fieldsV1: FieldSet }).fieldsV1);
}
