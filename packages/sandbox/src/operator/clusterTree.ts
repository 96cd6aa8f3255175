import { isDeepStrictEqual } from 'node:util';
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';
import type { DesiredObject } from './configRepoCheckout';

type Obj = Record<string, any>;

/** The kinds the operator syncs itself, step by step, after the cluster tree is applied. */
export type DeliveryKind = 'argocd' | 'flux' | 'claim';

export interface TrackedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export const objectKey = (o: TrackedObject) =>
  `${o.apiVersion}|${o.kind}|${o.namespace ?? ''}|${o.name}`;

export const trackedOf = (object: KubeObject): TrackedObject => ({
  apiVersion: object.apiVersion,
  kind: object.kind,
  name: object.metadata.name!,
  namespace: object.metadata.namespace,
});

/** Drops what is no Kubernetes object (a kustomize.config.k8s.io kustomization.yaml, a file without a name). */
export const isClusterObject = (o: KubeObject) =>
  typeof o?.apiVersion === 'string' &&
  typeof o.kind === 'string' &&
  typeof o.metadata?.name === 'string' &&
  !o.apiVersion.startsWith('kustomize.config.k8s.io/');

const specOf = ({ metadata, status, ...rest }: Obj) => ({
  ...rest,
  labels: metadata?.labels,
  annotations: metadata?.annotations,
});

/** A Crossplane claim: its kind is the claim kind of an XRD installed in the cluster. */
function isClaim(cluster: EmulatedCluster, object: KubeObject): boolean {
  const group = object.apiVersion.split('/')[0];
  return cluster
    .list('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition')
    .some(
      xrd =>
        (xrd as Obj).spec?.group === group &&
        (xrd as Obj).spec?.claimNames?.kind === object.kind,
    );
}

export function deliveryKindOf(
  cluster: EmulatedCluster,
  object: KubeObject,
): DeliveryKind | undefined {
  if (
    object.apiVersion.startsWith('argoproj.io/') &&
    object.kind === 'Application'
  )
    return 'argocd';
  if (
    object.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/') &&
    object.kind === 'Kustomization'
  )
    return 'flux';
  return isClaim(cluster, object) ? 'claim' : undefined;
}

export interface TreeChanges {
  /** Objects created or whose spec changed at this commit. */
  changed: Set<string>;
  removed: TrackedObject[];
  failed: Array<{ object: TrackedObject; error: string }>;
}

/**
 * Applies a cluster's `clusters/<env>/` tree as the root app of an app-of-apps would: objects new at this commit
 * are created, changed ones updated (keeping their status), and ones deleted from the repo removed. Objects the repo
 * never held (the demo's seed) are left alone.
 */
export function applyClusterTree(
  cluster: EmulatedCluster,
  before: DesiredObject[],
  after: DesiredObject[],
): TreeChanges {
  const previous = new Map(
    before.map(d => [objectKey(trackedOf(d.object)), d.object]),
  );
  const desired = new Map(
    after.map(d => [objectKey(trackedOf(d.object)), d.object]),
  );
  const changes: TreeChanges = { changed: new Set(), removed: [], failed: [] };
  for (const [key, object] of desired) {
    const t = trackedOf(object);
    const live = cluster.get(t.apiVersion, t.kind, t.name, t.namespace);
    const old = previous.get(key);
    if (live && old && isDeepStrictEqual(specOf(old), specOf(object))) continue;
    try {
      cluster.apply({ ...object, status: live?.status });
      changes.changed.add(key);
    } catch (error) {
      changes.failed.push({ object: t, error: (error as Error).message });
    }
  }
  for (const [key, object] of previous) {
    if (desired.has(key)) continue;
    const t = trackedOf(object);
    if (cluster.remove(t.apiVersion, t.kind, t.name, t.namespace))
      changes.removed.push(t);
  }
  return changes;
}
