/*
 * Pruning, as Argo CD (`syncPolicy.automated.prune: true`) and Flux (`spec.prune: true`) do it at sync: what a
 * delivery applied at an earlier commit and no longer renders is deleted. Of what a delivery renders the operator
 * applies only the Crossplane claims (and composes their composites and managed resources), so those are what it
 * prunes: the live claims that carry this delivery's own tracking marks, never another delivery's or a claim
 * applied by hand. Deleting a claim cascades as in Crossplane (claim → composite → managed resources); the emulator
 * has no garbage collector, so the operator removes the three itself.
 */
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';
import type { DeliveryKind, TrackedObject } from './clusterTree';
import { ClaimManager, groupOf, trackingMarks } from './crossplaneDouble';

type Obj = Record<string, any>;

/** Whether the delivery's engine would prune: Argo CD's automated sync with `prune`, Flux's `spec.prune`. */
export function prunesOnSync(delivery: Obj, type: DeliveryKind): boolean {
  if (type === 'argocd')
    return delivery.spec?.syncPolicy?.automated?.prune === true;
  if (type === 'flux') return delivery.spec?.prune === true;
  return false;
}

/** Every live claim: the claim kinds of the cluster's XRDs, in every namespace. */
function liveClaims(cluster: EmulatedCluster): Obj[] {
  return cluster
    .list('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition')
    .flatMap(xrd => {
      const spec = (xrd as Obj).spec;
      const version = spec?.versions?.[0]?.name;
      if (!spec?.group || !spec.claimNames?.kind || !version) return [];
      return cluster.list(`${spec.group}/${version}`, spec.claimNames.kind);
    });
}

/** The engine's own marks on an object it applied (Argo CD checks the tracking id names the object itself). */
function appliedBy(manager: ClaimManager, live: Obj): boolean {
  const marks = trackingMarks(manager, live as KubeObject);
  const has = (found: Record<string, string> | undefined, wanted: object) =>
    Object.entries(wanted).every(([key, value]) => found?.[key] === value);
  return (
    has(live.metadata?.annotations, marks.annotations) &&
    has(live.metadata?.labels, marks.labels)
  );
}

/** Same object whatever the version it was read at; no namespace is `default`, as the API server takes it. */
const sameObject = (a: Obj, b: Obj) =>
  groupOf(a.apiVersion) === groupOf(b.apiVersion) &&
  a.kind === b.kind &&
  a.metadata?.name === b.metadata?.name &&
  (a.metadata?.namespace || 'default') === (b.metadata?.namespace || 'default');

/** Removes what a reference names, if it is there; returns it as removed. */
function removeRef(cluster: EmulatedCluster, ref: Obj): TrackedObject[] {
  const { apiVersion, kind, name, namespace } = ref;
  if (!apiVersion || !kind || !name) return [];
  return cluster.remove(apiVersion, kind, name, namespace)
    ? [{ apiVersion, kind, name, namespace }]
    : [];
}

/** A claim, its composite (`spec.resourceRef`) and the composite's managed resources (`spec.resourceRefs`). */
function removeClaim(cluster: EmulatedCluster, claim: Obj): TrackedObject[] {
  const ref: Obj | undefined = claim.spec?.resourceRef;
  const composite = ref
    ? (cluster.get(ref.apiVersion, ref.kind, ref.name) as Obj | undefined)
    : undefined;
  const managed: Obj[] = composite?.spec?.resourceRefs ?? [];
  return [
    ...managed.flatMap(resource => removeRef(cluster, resource)),
    ...(ref ? removeRef(cluster, ref) : []),
    ...removeRef(cluster, {
      apiVersion: claim.apiVersion,
      kind: claim.kind,
      name: claim.metadata.name,
      namespace: claim.metadata.namespace,
    }),
  ];
}

/**
 * Prunes the claims a delivery applied before and no longer renders (with what was composed for them), when its
 * engine is set to prune. Returns what was removed.
 */
export function pruneDroppedClaims(
  cluster: EmulatedCluster,
  manager: ClaimManager,
  rendered: KubeObject[],
): TrackedObject[] {
  const delivery = cluster.get(
    manager.apiVersion,
    manager.kind,
    manager.name,
    manager.namespace,
  );
  if (!delivery || !prunesOnSync(delivery, manager.type)) return [];
  return liveClaims(cluster)
    .filter(claim => appliedBy(manager, claim))
    .filter(claim => !rendered.some(object => sameObject(object, claim)))
    .flatMap(claim => removeClaim(cluster, claim));
}
