import { Health } from '../schema';
import { clusterApiProvisioning } from './clusterApiProvisioning';
import { conditionRulesHealth } from './conditionRules';
import { conditionsStatus, EngineStatus } from './engineStatus';
import {
  health,
  HealthCheckError,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';
import { at, isRecord, RawCondition, readConditions } from './raw';

/**
 * Health of Cluster API's Cluster, MachineDeployment and KubeadmControlPlane: TypeScript
 * re-implementations of Argo CD's built-in checks (argoproj/argo-cd), same status and message:
 *
 * - Cluster mirrors `resource_customizations/cluster.x-k8s.io/Cluster/health.lua` (the version that
 *   reads v1beta2 conditions): `spec.paused` → Suspended `Cluster is paused`; conditions
 *   (`status.v1beta2.conditions` when present, else `status.conditions`), first match wins: a
 *   mandatory condition (Available, Ready, RemoteConnectionProbe, InfrastructureReady,
 *   ControlPlaneInitialized, ControlPlaneAvailable, WorkersAvailable, ControlPlaneMachinesReady) not
 *   True → Degraded; RollingOut/Remediating/ScalingDown/ScalingUp/Deleting not False, or
 *   WorkerMachinesReady/ControlPlaneMachinesUpToDate/WorkerMachinesUpToDate/TopologyReconciled not
 *   True → Progressing (the condition's message); then phase Provisioned → Healthy
 *   `Cluster is running`, Failed → Degraded; else Progressing `Waiting for Cluster`.
 * - MachineDeployment mirrors `resource_customizations/cluster.x-k8s.io/MachineDeployment/health.lua`:
 *   `spec.paused` → Suspended `MachineDeployment is paused`; phase Running with replicas = updated =
 *   ready → Healthy, ScalingUp / ScalingDown → Progressing, Failed → Degraded; else Progressing
 *   `Waiting for machines`.
 * - KubeadmControlPlane mirrors `resource_customizations/controlplane.cluster.x-k8s.io/KubeadmControlPlane/health.lua`:
 *   EtcdClusterHealthy not True → Degraded; v1beta2 MachinesReady / MachinesUpToDate or
 *   ControlPlaneComponentsHealthy not True, or RollingOut=True → Progressing; then the replica counts.
 *
 * Paused (`spec.paused`, or the `cluster.x-k8s.io/paused` annotation on any of them) is the decision
 * table's suspended row ({@link conditionRulesHealth}).
 *
 * @public
 */
export const CLUSTER_API_GROUP = 'cluster.x-k8s.io';
/**
 * The API group of Cluster API's control-plane kinds.
 *
 * @public
 */
export const CLUSTER_API_CONTROL_PLANE_GROUP = 'controlplane.cluster.x-k8s.io';
/**
 * The annotation that pauses Cluster API's reconciliation of an object.
 *
 * @public
 */
export const CLUSTER_API_PAUSED_ANNOTATION = 'cluster.x-k8s.io/paused';
/**
 * The Cluster API kinds whose health the portal computes.
 *
 * @public
 */
export const CLUSTER_API_KINDS = [
  'Cluster',
  'MachineDeployment',
  'KubeadmControlPlane',
] as const;
/**
 * A Cluster API kind whose health the portal computes.
 *
 * @public
 */
export type ClusterApiKind = (typeof CLUSTER_API_KINDS)[number];

const MANDATORY = new Set([
  'Available',
  'Ready',
  'RemoteConnectionProbe',
  'InfrastructureReady',
  'ControlPlaneInitialized',
  'ControlPlaneAvailable',
  'WorkersAvailable',
  'ControlPlaneMachinesReady',
]);
const PROGRESSING_UNLESS_FALSE = new Set([
  'RollingOut',
  'Remediating',
  'ScalingDown',
  'ScalingUp',
  'Deleting',
]);
const PROGRESSING_UNLESS_TRUE = new Set([
  'WorkerMachinesReady',
  'ControlPlaneMachinesUpToDate',
  'WorkerMachinesUpToDate',
  'TopologyReconciled',
]);

/** Lua truthiness of `obj.spec.paused`; the scripts index obj.spec unguarded. */
function specPaused(obj: unknown): boolean {
  const spec = at(obj, 'spec');
  if (spec === undefined || spec === null) {
    throw new HealthCheckError('spec is missing');
  }
  const paused = at(spec, 'paused');
  return paused !== undefined && paused !== null && paused !== false;
}

function checkCluster(obj: unknown): Health {
  if (specPaused(obj)) return health('Suspended', 'Cluster is paused');
  const status = at(obj, 'status');
  const conditions =
    readConditions(at(status, 'v1beta2')) ?? readConditions(status) ?? [];
  for (const condition of conditions) {
    const type = condition.type ?? '';
    if (MANDATORY.has(type) && condition.status !== 'True') {
      return health('Degraded', condition.message);
    }
    if (
      (PROGRESSING_UNLESS_FALSE.has(type) && condition.status !== 'False') ||
      (PROGRESSING_UNLESS_TRUE.has(type) && condition.status !== 'True')
    ) {
      return health('Progressing', condition.message);
    }
  }
  const phase = at(status, 'phase');
  if (phase === 'Provisioned') return health('Healthy', 'Cluster is running');
  if (phase === 'Failed') return health('Degraded');
  return health('Progressing', 'Waiting for Cluster');
}

/** A JSON value as Lua sees it: null is nil. */
const luaValue = (value: unknown) => (value === null ? undefined : value);

function checkMachineDeployment(obj: unknown): Health {
  if (specPaused(obj)) {
    return health('Suspended', 'MachineDeployment is paused');
  }
  const status = at(obj, 'status');
  const replicas = luaValue(at(status, 'replicas'));
  switch (at(status, 'phase')) {
    case 'Running':
      if (
        replicas === luaValue(at(status, 'updatedReplicas')) &&
        replicas === luaValue(at(status, 'readyReplicas'))
      ) {
        return health('Healthy', 'Machines are running under this deployment');
      }
      break;
    case 'ScalingUp':
      return health('Progressing', 'Cluster is spawning machines');
    case 'ScalingDown':
      return health('Progressing', 'Cluster is stopping machines');
    case 'Failed':
      return health('Degraded', 'MachineDeployment is failed');
    default:
      break;
  }
  return health('Progressing', 'Waiting for machines');
}

function conditionOf(
  conditions: RawCondition[] | undefined,
  type: string,
): RawCondition | undefined {
  return conditions?.find(condition => condition.type === type);
}

/** `obj.status.<field> or 0`, compared as a number (Lua raises on anything else). */
function replicaCount(status: unknown, field: string): number {
  const value = luaValue(at(status, field));
  if (value === undefined || value === false) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HealthCheckError(`status.${field} is not a number`);
  }
  return value;
}

function checkControlPlane(obj: unknown): Health {
  const status = at(obj, 'status');
  if (!isRecord(status)) {
    return health('Progressing', 'Waiting for KubeadmControlPlane status');
  }
  const v1beta2 = readConditions(status.v1beta2);
  const legacy = readConditions(status);
  const etcd = conditionOf(legacy, 'EtcdClusterHealthy');
  if (etcd && etcd.status !== 'True') {
    return health('Degraded', 'Etcd cluster is unhealthy');
  }
  const checks: [RawCondition[] | undefined, string, string][] = [
    [v1beta2, 'MachinesReady', 'Machines not ready'],
    [v1beta2, 'MachinesUpToDate', 'Updating machines'],
    [
      legacy,
      'ControlPlaneComponentsHealthy',
      'Control plane components unhealthy',
    ],
  ];
  for (const [conditions, type, message] of checks) {
    const condition = conditionOf(conditions, type);
    if (condition && condition.status !== 'True') {
      return health('Progressing', message);
    }
  }
  if (conditionOf(v1beta2, 'RollingOut')?.status === 'True') {
    return health('Progressing', 'Rolling out');
  }
  const replicas = replicaCount(status, 'replicas');
  const updated = replicaCount(status, 'updatedReplicas');
  const ready = replicaCount(status, 'readyReplicas');
  if (replicas > 0 && updated < replicas) {
    return health(
      'Progressing',
      `Updating: ${updated}/${replicas} updated, ${ready} ready`,
    );
  }
  if (replicas !== ready) {
    return health('Progressing', `${ready}/${replicas} ready`);
  }
  return health('Healthy', 'Control plane is healthy');
}

const CHECKS: Record<ClusterApiKind, (obj: unknown) => Health> = {
  Cluster: checkCluster,
  MachineDeployment: checkMachineDeployment,
  KubeadmControlPlane: checkControlPlane,
};

/**
 * Argo CD's health of a Cluster API object (after the deletion block every current script opens with).
 *
 * @public
 */
export function clusterApiHealth(kind: ClusterApiKind, obj: unknown): Health {
  return runHealthCheck(o => pendingDeletionHealth(o) ?? CHECKS[kind](o), obj);
}

/**
 * Paused by `spec.paused` or by the `cluster.x-k8s.io/paused` annotation (any value).
 *
 * @public
 */
export function isClusterApiPaused(obj: unknown): boolean {
  const annotations = at(obj, 'metadata', 'annotations');
  return (
    at(obj, 'spec', 'paused') === true ||
    (isRecord(annotations) && CLUSTER_API_PAUSED_ANNOTATION in annotations)
  );
}

/**
 * Normalises a Cluster API object: Argo CD's check, settled by the decision table, and how far provisioning has
 * got ({@link clusterApiProvisioning}).
 *
 * @public
 */
export function clusterApiStatus(
  kind: ClusterApiKind,
): (obj: unknown) => EngineStatus {
  return obj => {
    const suspended = isClusterApiPaused(obj);
    return {
      ...conditionsStatus(
        obj,
        conditionRulesHealth(obj, {
          kindHealth: clusterApiHealth(kind, obj),
          suspended,
        }),
        suspended,
      ),
      provisioning: clusterApiProvisioning(kind, obj),
    };
  };
}
