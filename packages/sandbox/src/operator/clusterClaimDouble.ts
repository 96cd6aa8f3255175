/*
 * Crossplane's part of the test double for requested clusters. A cluster claim (demo/clusterRequests.ts's
 * `KubernetesCluster`) merged into the management cluster's tree is composed and readied as Crossplane and its
 * provider would report it, one step per look of the operator:
 *
 * 1. the claim reconciler creates the composite and binds it (claim `spec.resourceRef`, composite `spec.claimRef`),
 *    the composition creates the managed resources: every object Synced=True (reason ReconcileSuccess); managed
 *    resources Ready=False (Creating), the composite Ready=False (Creating, "Unready resources: control-plane,
 *    node-group"), the claim Ready=False (Waiting, "Claim is waiting for composite resource to become Ready");
 * 2. the provider reports one managed resource after the other Ready=True (Available), the composite's message
 *    naming those still unready;
 * 3. once all are ready, the composite is Ready=True (Available), the claim too, with its connection details
 *    published (`status.connectionDetails.lastPublishedTime`; no Secret is written).
 *
 * The reasons and messages are those of crossplane-runtime (`ReconcileSuccess`, `Creating`, `Available`) and of the
 * claim reconciler (`Waiting`). A composite whose claim is gone is deleted with its managed resources, as the claim
 * reconciler and the garbage collector would. Status only: nothing is provisioned.
 */
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';
import { CLUSTER_CLAIM } from '../demo/clusterRequests';
import { XRD_GROUP, XRD_VERSION } from '../demo/crossplane';
import {
  composedResource,
  compositeNameOf,
  compositeOf,
  generatedName,
  xrdOf,
} from './crossplaneDouble';
import { condition } from './deliveryStatus';

type Obj = KubeObject & { spec?: any; status?: any };
type Condition = ReturnType<typeof condition>;

const API_VERSION = `${XRD_GROUP}/${XRD_VERSION}`;
const COMPOSITION_RESOURCE_NAME = 'crossplane.io/composition-resource-name';
const WAITING = 'Claim is waiting for composite resource to become Ready';

const isReady = (obj: Obj | undefined) =>
  (obj?.status?.conditions ?? []).some(
    (c: Condition) => c.type === 'Ready' && c.status === 'True',
  );

/** Synced=True and the given Ready, each keeping its transition time while its status does not change. */
function conditionsIn(live: Obj | undefined, ready: Condition): Condition[] {
  const next = [
    condition(
      'Synced',
      'True',
      'ReconcileSuccess',
      '',
      ready.lastTransitionTime,
    ),
    ready,
  ];
  return next.map(c => {
    const previous = (live?.status?.conditions ?? []).find(
      (p: Condition) => p.type === c.type,
    );
    return previous?.status === c.status
      ? { ...c, lastTransitionTime: previous.lastTransitionTime }
      : c;
  });
}

const readyCondition = (
  ready: boolean,
  at: string,
  unready: { reason: string; message: string },
) =>
  ready
    ? condition('Ready', 'True', 'Available', '', at)
    : condition('Ready', 'False', unready.reason, unready.message, at);

/** The managed resources a claim's composite composes: their composition names and object names. */
const composedOf = (compositeName: string) =>
  CLUSTER_CLAIM.managed.map(m => ({
    ...m,
    objectName: generatedName(compositeName, `${compositeName}/${m.name}`),
  }));

/** Writes the claim, its composite and its managed resources, their statuses following the managed resources'. */
function compose(cluster: EmulatedCluster, claim: Obj, at: string) {
  const compositeName = compositeNameOf(cluster, claim);
  const composed = composedOf(compositeName);
  const compositeRef = {
    apiVersion: API_VERSION,
    kind: CLUSTER_CLAIM.compositeKind,
    name: compositeName,
  };
  const liveComposite = cluster.get(
    API_VERSION,
    CLUSTER_CLAIM.compositeKind,
    compositeName,
  ) as Obj | undefined;
  const [composite]: Obj[] = cluster.apply({
    ...compositeOf(
      claim,
      compositeRef,
      composed.map(m => ({
        apiVersion: m.apiVersion,
        kind: m.kind,
        name: m.objectName,
      })),
    ),
    status: liveComposite?.status,
  });
  const unready: string[] = [];
  for (const m of composed) {
    const live = cluster.get(m.apiVersion, m.kind, m.objectName) as
      | Obj
      | undefined;
    if (!isReady(live)) unready.push(m.name);
    if (live) continue;
    cluster.apply({
      ...composedResource(
        composite,
        { apiVersion: m.apiVersion, kind: m.kind, name: m.objectName },
        { region: claim.spec?.parameters?.region },
        { [COMPOSITION_RESOURCE_NAME]: m.name },
      ),
      status: {
        conditions: conditionsIn(
          undefined,
          condition('Ready', 'False', 'Creating', '', at),
        ),
      },
    });
  }
  const ready = unready.length === 0;
  cluster.apply({
    ...composite,
    status: {
      ...composite.status,
      conditions: conditionsIn(
        composite,
        readyCondition(ready, at, {
          reason: 'Creating',
          message: `Unready resources: ${unready.join(', ')}`,
        }),
      ),
    },
  });
  cluster.apply({
    ...claim,
    spec: { ...claim.spec, resourceRef: compositeRef },
    status: {
      ...claim.status,
      conditions: conditionsIn(
        claim,
        readyCondition(ready, at, { reason: 'Waiting', message: WAITING }),
      ),
      ...(ready && !claim.status?.connectionDetails
        ? { connectionDetails: { lastPublishedTime: at } }
        : {}),
    },
  });
}

/** The provider's step: the first managed resource of the composite not ready yet becomes ready. */
function readyNextManaged(
  cluster: EmulatedCluster,
  compositeName: string,
  at: string,
) {
  for (const m of composedOf(compositeName)) {
    const live = cluster.get(m.apiVersion, m.kind, m.objectName) as
      | Obj
      | undefined;
    if (!live || isReady(live)) continue;
    cluster.apply({
      ...live,
      status: {
        ...live.status,
        conditions: conditionsIn(
          live,
          condition('Ready', 'True', 'Available', '', at),
        ),
      },
    });
    return;
  }
}

/** Deletes the composites whose claim is gone, with their managed resources (Crossplane's default delete policy). */
function deleteOrphans(cluster: EmulatedCluster): number {
  let deleted = 0;
  for (const xr of cluster.list(
    API_VERSION,
    CLUSTER_CLAIM.compositeKind,
  ) as Obj[]) {
    const ref = xr.spec?.claimRef;
    if (!ref || cluster.get(ref.apiVersion, ref.kind, ref.name, ref.namespace))
      continue;
    for (const r of xr.spec.resourceRefs ?? [])
      cluster.remove(r.apiVersion, r.kind, r.name);
    cluster.remove(xr.apiVersion, xr.kind, xr.metadata.name!);
    deleted += 1;
  }
  return deleted;
}

/**
 * Moves every cluster claim of the cluster that is not ready yet one step on, and deletes what a removed claim
 * composed; returns how many moved (0: all ready; a cluster without the cluster XRD lists none).
 */
export function advanceClusterClaims(
  cluster: EmulatedCluster,
  at: string,
): number {
  let moved = deleteOrphans(cluster);
  for (const claim of cluster.list(
    API_VERSION,
    CLUSTER_CLAIM.claimKind,
  ) as Obj[]) {
    if (claim.metadata.deletionTimestamp || !xrdOf(cluster, claim)) continue;
    const compositeName = compositeNameOf(cluster, claim);
    const bound = claim.spec?.resourceRef?.name === compositeName;
    if (bound && isReady(claim)) continue;
    if (bound) readyNextManaged(cluster, compositeName, at);
    compose(cluster, claim, at);
    moved += 1;
  }
  return moved;
}
