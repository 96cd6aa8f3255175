import { parseAllDocuments } from 'yaml';
import { KubeObject } from './types';

/** Flattens `kind: List` (and any `*List` with items) into its objects. */
export function flattenObjects(value: unknown): KubeObject[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(flattenObjects);
  const obj = value as KubeObject;
  if (
    typeof obj.kind === 'string' &&
    obj.kind.endsWith('List') &&
    Array.isArray(obj.items)
  ) {
    return (obj.items as unknown[]).flatMap(flattenObjects);
  }
  return [obj];
}

/** Parses multi-document YAML (or JSON) text into objects. */
export function parseObjects(text: string): KubeObject[] {
  const docs = parseAllDocuments(text);
  const result: KubeObject[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0)
      throw new Error(`invalid YAML: ${doc.errors[0].message}`);
    result.push(...flattenObjects(doc.toJS()));
  }
  return result;
}
