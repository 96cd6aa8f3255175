import type {
  ObjectRef,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';

/** One node of claim → composite → managed; `object` is undefined when not observed. */
export interface CrossplaneNode {
  ref: ObjectRef;
  object?: ObjectStatus;
  children: CrossplaneNode[];
}

function matches(object: ObjectStatus, ref: ObjectRef): boolean {
  return (
    object.name === ref.name &&
    (ref.kind === undefined || object.kind === ref.kind) &&
    (ref.namespace === undefined || object.namespace === ref.namespace)
  );
}

function refOf(object: ObjectStatus): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
  };
}

function nodeFor(
  ref: ObjectRef,
  objects: ObjectStatus[],
  used: Set<string>,
  depth: number,
): CrossplaneNode {
  const object = objects.find(o => matches(o, ref));
  if (object) used.add(object.key);
  // Claim → composite → managed is 3 levels; nested composites stop at 5. A managed resource's compositeRef
  // names its parent, so only a claim's is followed down.
  const info = object?.crossplane;
  const children =
    object && depth < 5
      ? [
          ...(info?.role === 'claim' && info.compositeRef
            ? [info.compositeRef]
            : []),
          ...(info?.resourceRefs ?? []),
        ].map(child => nodeFor(child, objects, used, depth + 1))
      : [];
  return { ref, object, children };
}

/**
 * Splits the objects of one cell into top-level ones and Crossplane trees:
 * every claim (or composite no claim points to) becomes a root, and the
 * composites/managed resources it reaches are shown under it, not again beside it.
 */
export function groupCrossplane(objects: ObjectStatus[]): {
  plain: ObjectStatus[];
  trees: CrossplaneNode[];
} {
  const crossplane = objects.filter(
    o => o.engine === 'crossplane' && o.crossplane?.role !== 'xrd',
  );
  const used = new Set<string>();
  const trees: CrossplaneNode[] = [];
  const roots = [
    ...crossplane.filter(o => o.crossplane?.role === 'claim'),
    ...crossplane.filter(o => o.crossplane?.role === 'composite'),
  ];
  for (const root of roots) {
    if (used.has(root.key)) continue;
    trees.push(nodeFor(refOf(root), crossplane, used, 0));
  }
  const plain = objects.filter(o => !used.has(o.key));
  return { plain, trees };
}
