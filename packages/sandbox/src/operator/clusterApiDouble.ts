/*
 * Cluster API's part of the test double. A `Cluster` (cluster.x-k8s.io/v1beta1) merged into a cluster's tree is
 * provisioned as CAPI's controllers would report it, one stage per step: Pending; Provisioning with its
 * infrastructure ready and its API server endpoint; the control plane's machines ready and the Cluster Provisioned;
 * then the MachineDeployment's workers ready and Running. Status only (and the endpoint the infrastructure provider
 * sets): no machine is made. A Cluster that is Provisioned with every worker ready is left alone.
 */
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';

/** A live object whose spec and status the double reads and writes freely. */
type Obj = KubeObject & { spec?: any; status?: any };

const CLUSTER_API_VERSION = 'cluster.x-k8s.io/v1beta1';
const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

/** The stages a Cluster goes through, in order; its status says which it has reached. */
const STAGES = [
  'Pending',
  'Provisioning',
  'ControlPlaneReady',
  'Ready',
] as const;
type Stage = (typeof STAGES)[number];

const replicasOf = (obj: Obj | undefined): number =>
  typeof obj?.spec?.replicas === 'number' ? obj.spec.replicas : 1;

/** The stage a Cluster's live status shows (undefined: just applied, no status yet). */
function stageOf(cluster: Obj, workers: Obj[]): Stage | undefined {
  const status = cluster.status ?? {};
  if (status.phase === 'Provisioned') {
    const allReady = workers.every(
      md => md.status?.readyReplicas === replicasOf(md),
    );
    return allReady ? 'Ready' : 'ControlPlaneReady';
  }
  if (status.phase === 'Provisioning') return 'Provisioning';
  if (status.phase === 'Pending') return 'Pending';
  return undefined;
}

/** The control plane a Cluster refers to (`spec.controlPlaneRef`), if it is in the cluster. */
function controlPlaneOf(
  cluster: EmulatedCluster,
  capi: Obj,
): KubeObject | undefined {
  const ref = capi.spec?.controlPlaneRef;
  if (!ref?.apiVersion || !ref.kind || !ref.name) return undefined;
  return cluster.get(
    ref.apiVersion,
    ref.kind,
    ref.name,
    capi.metadata.namespace,
  );
}

/** The MachineDeployments of a Cluster (`spec.clusterName`). */
const workersOf = (cluster: EmulatedCluster, capi: Obj): Obj[] =>
  cluster
    .list(CLUSTER_API_VERSION, 'MachineDeployment', capi.metadata.namespace)
    .filter(md => (md as Obj).spec?.clusterName === capi.metadata.name);

const setStatus = (
  cluster: EmulatedCluster,
  obj: Obj,
  status: Record<string, unknown>,
) => cluster.apply({ ...obj, status: { ...obj.status, ...status } });

/** A made-up API server address per cluster name, as an infrastructure provider would set one. */
function endpointOf(name: string) {
  let sum = 0;
  for (const char of name) sum = (sum * 31 + char.charCodeAt(0)) % 250;
  return { host: `172.18.0.${sum + 2}`, port: 6443 };
}

/** Moves one Cluster (and its control plane and workers) to the stage after `stage`. */
function advance(
  cluster: EmulatedCluster,
  capi: Obj,
  stage: Stage | undefined,
  workers: Obj[],
) {
  const controlPlane = controlPlaneOf(cluster, capi) as Obj | undefined;
  const controlPlanes = replicasOf(controlPlane);
  switch (stage) {
    case undefined:
      setStatus(cluster, capi, {
        phase: 'Pending',
        infrastructureReady: false,
        controlPlaneReady: false,
      });
      for (const md of workers)
        setStatus(cluster, md, { phase: 'ScalingUp', readyReplicas: 0 });
      return;
    case 'Pending':
      cluster.apply({
        ...capi,
        spec: {
          ...capi.spec,
          controlPlaneEndpoint: endpointOf(capi.metadata.name ?? ''),
        },
        status: {
          ...capi.status,
          phase: 'Provisioning',
          infrastructureReady: true,
        },
      });
      if (controlPlane)
        setStatus(cluster, controlPlane, {
          ready: false,
          replicas: controlPlanes,
          readyReplicas: 0,
          updatedReplicas: controlPlanes,
        });
      return;
    case 'Provisioning':
      if (controlPlane)
        setStatus(cluster, controlPlane, {
          ready: true,
          initialized: true,
          replicas: controlPlanes,
          readyReplicas: controlPlanes,
          updatedReplicas: controlPlanes,
        });
      setStatus(cluster, capi, {
        phase: 'Provisioned',
        controlPlaneReady: true,
      });
      return;
    default:
      for (const md of workers) {
        const replicas = replicasOf(md);
        setStatus(cluster, md, {
          phase: 'Running',
          replicas,
          readyReplicas: replicas,
          updatedReplicas: replicas,
          availableReplicas: replicas,
          selector: `${CLUSTER_NAME_LABEL}=${capi.metadata.name}`,
        });
      }
  }
}

/**
 * Moves every Cluster of the cluster that is not ready yet one stage on; returns how many moved (0: all ready;
 * a cluster without Cluster API's CRDs lists none).
 */
export function advanceClusterApi(cluster: EmulatedCluster): number {
  const clusters = cluster.list(CLUSTER_API_VERSION, 'Cluster') as Obj[];
  let moved = 0;
  for (const capi of clusters) {
    if (capi.metadata?.deletionTimestamp) continue;
    const workers = workersOf(cluster, capi);
    const stage = stageOf(capi, workers);
    if (stage === 'Ready') continue;
    advance(cluster, capi, stage, workers);
    moved += 1;
  }
  return moved;
}
