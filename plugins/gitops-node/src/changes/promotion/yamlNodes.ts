import { Document, isMap, isScalar, isSeq, YAMLMap } from 'yaml';

export type NodePath = Array<string | number>;

/** `apiVersion`, `kind` and `metadata.name` of a Kubernetes-style document (empty strings when absent). */
export function identityOf(doc: Document): {
  apiVersion: string;
  kind: string;
  name: string;
} {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    apiVersion: text(doc.get('apiVersion')),
    kind: text(doc.get('kind')),
    name: text(doc.getIn(['metadata', 'name'])),
  };
}

/** The map at `path`, if that is a map. */
export function mapAt(doc: Document, path: NodePath): YAMLMap | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return isMap(node) ? node : undefined;
}

/** The maps of the sequence at `path` with their indexes. */
export function seqMapsAt(
  doc: Document,
  path: NodePath,
): Array<{ index: number; map: YAMLMap }> {
  const node = doc.getIn(path, true);
  if (!isSeq(node)) return [];
  return node.items.flatMap((item, index) =>
    isMap(item) ? [{ index, map: item }] : [],
  );
}

/** A scalar value of a map as a string (numbers too: a tag `1.10` is text), or undefined. */
export function scalarText(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  if (!isScalar(node) || node.value === null || node.value === undefined) {
    return undefined;
  }
  return String(node.value);
}

/**
 * Sets or removes the given keys of a map. An existing scalar keeps its node, so its comment (e.g. a Flux
 * setter marker) stays; `undefined` removes the key.
 */
export function writeFields(
  map: YAMLMap,
  fields: Record<string, string | undefined>,
): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      map.delete(key);
      continue;
    }
    const node = map.get(key, true);
    if (isScalar(node)) node.value = value;
    else map.set(key, value);
  }
}

/** The map at `path`, created (as nested maps) when missing; undefined when something else is in the way. */
export function ensureMapAt(
  doc: Document,
  path: NodePath,
): YAMLMap | undefined {
  if (path.length === 0) return mapAt(doc, path);
  if (doc.getIn(path) === undefined) doc.setIn(path, doc.createNode({}));
  return mapAt(doc, path);
}

/** `repository`, `tag` and `digest` of an image reference (`repo[:tag][@sha256:…]`). */
export function splitImageRef(ref: string): {
  repository: string;
  tag?: string;
  digest?: string;
} {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const named = at >= 0 ? ref.slice(0, at) : ref;
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  return {
    repository: hasTag ? named.slice(0, colon) : named,
    tag: hasTag ? named.slice(colon + 1) : undefined,
    digest,
  };
}
