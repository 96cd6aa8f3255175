import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { addTo, KeySetIndex, keysAt, removeFrom } from './keySetIndex';

/**
 * Crossplane objects rarely carry the entity's label themselves: a claim does, its composite and the
 * managed resources under it do not. They belong to the claim's entity through their relations:
 * composite → claim (`claimRef`, claim labels), managed → composite (controller owner, the
 * `crossplane.io/composite` label) or claim (claim labels), and downwards claim → composite
 * (`resourceRef`) and composite → managed (`resourceRefs`). Relations are matched by identity keys
 * (cluster + name, plus namespace for claims and kind for managed resources).
 */

const claimId = (
  cluster: string,
  namespace: string | undefined,
  name: string,
) => `claim|${cluster}|${namespace ?? ''}|${name}`;
const compositeId = (cluster: string, name: string) => `xr|${cluster}|${name}`;
const managedId = (cluster: string, kind: string | undefined, name: string) =>
  `mr|${cluster}|${kind ?? ''}|${name}`;

/** The identity keys other objects use to point at this one. */
export function identityKeys(record: ObjectStatus): string[] {
  const { cluster, name } = record;
  switch (record.crossplane?.role) {
    case 'claim':
      return [claimId(cluster, record.namespace, name)];
    case 'composite':
      return [compositeId(cluster, name)];
    case 'managed':
      return [
        managedId(cluster, record.kind, name),
        managedId(cluster, undefined, name),
      ];
    default:
      return [];
  }
}

/** Objects this one belongs to (it inherits their entities). */
export function parentKeys(record: ObjectStatus): string[] {
  const info = record.crossplane;
  const { cluster } = record;
  const out: string[] = [];
  if (info?.role === 'composite' || info?.role === 'managed') {
    if (info.claimRef) {
      out.push(claimId(cluster, info.claimRef.namespace, info.claimRef.name));
    }
  }
  if (info?.role === 'managed' && info.compositeRef) {
    out.push(compositeId(cluster, info.compositeRef.name));
  }
  return out;
}

/** Objects this one names as its children (they inherit its entities). */
export function childKeys(record: ObjectStatus): string[] {
  const info = record.crossplane;
  const { cluster } = record;
  if (info?.role === 'claim' && info.compositeRef) {
    return [compositeId(cluster, info.compositeRef.name)];
  }
  if (info?.role === 'composite') {
    return (info.resourceRefs ?? []).map(ref =>
      managedId(cluster, ref.kind, ref.name),
    );
  }
  return [];
}

/** Claims before composites before managed resources: parents are mapped before their children. */
export const mappingOrder = (record: ObjectStatus) =>
  (({ claim: 0, composite: 1, managed: 2 } as Record<string, number>)[
    record.crossplane?.role ?? ''
  ] ?? -1);

/** Indexes of the relations between cached Crossplane objects (object keys by identity key). */
export class CrossplaneLinks {
  /** Objects by their identity keys. */
  private readonly byIdentity: KeySetIndex = new Map();
  /** Identity key → objects naming it as their parent. */
  private readonly byParent: KeySetIndex = new Map();
  /** Identity key → objects naming it as their child. */
  private readonly byChild: KeySetIndex = new Map();

  add(key: string, record: ObjectStatus) {
    for (const id of identityKeys(record)) addTo(this.byIdentity, id, key);
    for (const id of parentKeys(record)) addTo(this.byParent, id, key);
    for (const id of childKeys(record)) addTo(this.byChild, id, key);
  }

  remove(key: string, record: ObjectStatus) {
    for (const id of identityKeys(record)) removeFrom(this.byIdentity, id, key);
    for (const id of parentKeys(record)) removeFrom(this.byParent, id, key);
    for (const id of childKeys(record)) removeFrom(this.byChild, id, key);
  }

  /** Keys of the objects the record inherits entities from. */
  parentsOf(record: ObjectStatus): string[] {
    const keys = new Set<string>();
    for (const id of parentKeys(record)) {
      for (const key of keysAt(this.byIdentity, id)) keys.add(key);
    }
    for (const id of identityKeys(record)) {
      for (const key of keysAt(this.byChild, id)) keys.add(key);
    }
    return [...keys];
  }

  /** Keys of the objects inheriting entities from the record. */
  childrenOf(record: ObjectStatus): string[] {
    const keys = new Set<string>();
    for (const id of identityKeys(record)) {
      for (const key of keysAt(this.byParent, id)) keys.add(key);
    }
    for (const id of childKeys(record)) {
      for (const key of keysAt(this.byIdentity, id)) keys.add(key);
    }
    return [...keys];
  }
}
