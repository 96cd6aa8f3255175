import { deepEqual, isObject } from '../store/objects';

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

/** Why a JSON patch could not be applied (the server answers 422). */
export class JsonPatchError extends Error {}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new JsonPatchError(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

/** Walks to the parent of the pointer's last segment. */
function parentOf(
  doc: unknown,
  segments: string[],
  pointer: string,
): { parent: Container; key: string } {
  let cur: unknown = doc;
  for (const segment of segments.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, segment, pointer, false)];
    else if (isObject(cur) && segment in cur) cur = cur[segment];
    else throw new JsonPatchError(`doc is missing path: "${pointer}"`);
  }
  if (!Array.isArray(cur) && !isObject(cur))
    throw new JsonPatchError(`doc is missing path: "${pointer}"`);
  return { parent: cur, key: segments[segments.length - 1] };
}

function arrayIndex(
  arr: unknown[],
  segment: string,
  pointer: string,
  forInsert: boolean,
): number {
  if (forInsert && segment === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(segment))
    throw new JsonPatchError(`invalid array index in "${pointer}"`);
  const index = Number(segment);
  if (index > arr.length || (!forInsert && index === arr.length)) {
    throw new JsonPatchError(`array index out of bounds in "${pointer}"`);
  }
  return index;
}

function getAt(doc: unknown, pointer: string): unknown {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return doc;
  const { parent, key } = parentOf(doc, segments, pointer);
  if (Array.isArray(parent))
    return parent[arrayIndex(parent, key, pointer, false)];
  if (!(key in parent))
    throw new JsonPatchError(`doc is missing path: "${pointer}"`);
  return parent[key];
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return value;
  const { parent, key } = parentOf(doc, segments, pointer);
  if (Array.isArray(parent))
    parent.splice(arrayIndex(parent, key, pointer, true), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: unknown, pointer: string): unknown {
  const segments = parsePointer(pointer);
  if (segments.length === 0)
    throw new JsonPatchError('cannot remove the whole document');
  const { parent, key } = parentOf(doc, segments, pointer);
  if (Array.isArray(parent))
    parent.splice(arrayIndex(parent, key, pointer, false), 1);
  else if (key in parent) delete parent[key];
  else
    throw new JsonPatchError(
      `unable to remove nonexistent key: ${key}: missing value`,
    );
  return doc;
}

/** RFC 6902 JSON patch; works on a copy and throws JsonPatchError on the first failing operation. */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations))
    throw new JsonPatchError('json patch must be an array of operations');
  let doc = structuredClone(target);
  for (const raw of operations as JsonPatchOperation[]) {
    if (!isObject(raw) || typeof raw.path !== 'string')
      throw new JsonPatchError('operation needs op and path');
    switch (raw.op) {
      case 'add':
        doc = add(doc, raw.path, structuredClone(raw.value));
        break;
      case 'remove':
        doc = remove(doc, raw.path);
        break;
      case 'replace':
        getAt(doc, raw.path); // must exist
        doc =
          raw.path === ''
            ? structuredClone(raw.value)
            : add(remove(doc, raw.path), raw.path, structuredClone(raw.value));
        break;
      case 'move': {
        const value = getAt(doc, raw.from ?? '');
        doc = add(remove(doc, raw.from ?? ''), raw.path, value);
        break;
      }
      case 'copy':
        doc = add(doc, raw.path, structuredClone(getAt(doc, raw.from ?? '')));
        break;
      case 'test':
        if (!deepEqual(getAt(doc, raw.path), raw.value)) {
          throw new JsonPatchError(
            `testing value ${raw.path} failed: test failed`,
          );
        }
        break;
      default:
        throw new JsonPatchError(
          `Unexpected kind: ${String((raw as { op: unknown }).op)}`,
        );
    }
  }
  return doc;
}
