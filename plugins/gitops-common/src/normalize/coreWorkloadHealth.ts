import { Health } from '../schema';
import { conditionsStatus, EngineStatus } from './engineStatus';
import {
  health,
  HealthCheckError,
  isPendingDeletion,
  runHealthCheck,
} from './health';
import {
  asArray,
  asString,
  at,
  errorMessage,
  RawCondition,
  readConditions,
} from './raw';

/**
 * Health of the core kinds an Argo CD Application manages: TypeScript re-implementations of
 * argoproj/gitops-engine's built-in checks (`pkg/health/health_<kind>.go`, dispatched by
 * `pkg/health/health.go`), same status and message for the same object. Go's typed structs read a
 * missing number as 0 and a missing string as "", and so do these. A field of the wrong type fails
 * Go's conversion, which gitops-engine reports as Unknown; here `Health check failed: …`.
 *
 * | Kind                    | Mirrors                  | Rule in short                                                                                  |
 * | ----------------------- | ------------------------ | ---------------------------------------------------------------------------------------------- |
 * | Deployment              | `health_deployment.go`   | paused → Suspended; generation observed: ProgressDeadlineExceeded → Degraded, replica counts → Progressing |
 * | StatefulSet             | `health_statefulset.go`  | spec not observed, pods not ready, partitioned / rolling update → Progressing                |
 * | DaemonSet               | `health_daemonset.go`    | OnDelete → Healthy; pods not updated / available → Progressing                                |
 * | Job                     | `health_job.go`          | Failed → Degraded, Suspended=True → Suspended, Complete → Healthy, else Progressing            |
 * | PersistentVolumeClaim   | `health_pvc.go`          | Bound → Healthy, Pending → Progressing, Lost → Degraded, else Unknown                          |
 * | Service                 | `health_service.go`      | LoadBalancer without an ingress address → Progressing, else Healthy                            |
 * | Ingress                 | `health_ingress.go`      | an ingress address → Healthy, else Progressing                                                 |
 * | HorizontalPodAutoscaler | `health_hpa.go`          | a failure reason → Degraded; every condition AbleToScale/ScalingLimited=True → Healthy         |
 *
 * Before any of them, an object being deleted is Progressing `Pending deletion` (health.go), unless
 * Argo CD's hook finalizer holds it.
 *
 * @public
 */
export const CORE_WORKLOAD_KINDS = [
  { group: 'apps', kind: 'Deployment', plural: 'deployments' },
  { group: 'apps', kind: 'StatefulSet', plural: 'statefulsets' },
  { group: 'apps', kind: 'DaemonSet', plural: 'daemonsets' },
  { group: 'batch', kind: 'Job', plural: 'jobs' },
  {
    group: '',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
  },
  { group: '', kind: 'Service', plural: 'services' },
  { group: 'networking.k8s.io', kind: 'Ingress', plural: 'ingresses' },
  {
    group: 'autoscaling',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
  },
] as const;
/**
 * A core Kubernetes kind whose health mirrors gitops-engine's built-in checks.
 *
 * @public
 */
export type CoreWorkloadKind = (typeof CORE_WORKLOAD_KINDS)[number]['kind'];

const HOOK_FINALIZER = 'argocd.argoproj.io/hook-finalizer';

/** A Go integer field: missing is 0, anything but a number fails the conversion. */
function int(obj: unknown, ...path: string[]): number {
  const value = at(obj, ...path);
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HealthCheckError(`${path.join('.')} is not a number`);
  }
  return value;
}

/** A Go pointer-to-integer field: undefined when nil. */
function optionalInt(obj: unknown, ...path: string[]): number | undefined {
  const value = at(obj, ...path);
  return value === undefined || value === null ? undefined : int(obj, ...path);
}

/** A Go string field: missing is "". */
function str(obj: unknown, ...path: string[]): string {
  return asString(at(obj, ...path)) ?? '';
}

/** Go's %q for the names Kubernetes allows (no characters to escape). */
const quoted = (text: string) => JSON.stringify(text);

function deploymentHealth(obj: unknown): Health {
  if (at(obj, 'spec', 'paused') === true) {
    return health('Suspended', 'Deployment is paused');
  }
  if (
    int(obj, 'metadata', 'generation') >
    int(obj, 'status', 'observedGeneration')
  ) {
    return health(
      'Progressing',
      'Waiting for rollout to finish: observed deployment generation less then desired generation',
    );
  }
  const progressing = (readConditions(at(obj, 'status')) ?? []).find(
    c => c.type === 'Progressing',
  );
  const desired = optionalInt(obj, 'spec', 'replicas');
  const replicas = int(obj, 'status', 'replicas');
  const updated = int(obj, 'status', 'updatedReplicas');
  const available = int(obj, 'status', 'availableReplicas');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return health(
      'Degraded',
      `Deployment ${quoted(
        str(obj, 'metadata', 'name'),
      )} exceeded its progress deadline`,
    );
  }
  if (desired !== undefined && updated < desired) {
    return health(
      'Progressing',
      `Waiting for rollout to finish: ${updated} out of ${desired} new replicas have been updated...`,
    );
  }
  if (replicas > updated) {
    return health(
      'Progressing',
      `Waiting for rollout to finish: ${
        replicas - updated
      } old replicas are pending termination...`,
    );
  }
  if (available < updated) {
    return health(
      'Progressing',
      `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`,
    );
  }
  return health('Healthy');
}

function statefulSetHealth(obj: unknown): Health {
  const observed = int(obj, 'status', 'observedGeneration');
  if (observed === 0 || int(obj, 'metadata', 'generation') > observed) {
    return health(
      'Progressing',
      'Waiting for statefulset spec update to be observed...',
    );
  }
  const desired = optionalInt(obj, 'spec', 'replicas');
  const ready = int(obj, 'status', 'readyReplicas');
  const updated = int(obj, 'status', 'updatedReplicas');
  if (desired !== undefined && ready < desired) {
    return health(
      'Progressing',
      `Waiting for ${desired - ready} pods to be ready...`,
    );
  }
  const strategy = at(obj, 'spec', 'updateStrategy');
  const rollingUpdate = at(strategy, 'rollingUpdate');
  if (
    at(strategy, 'type') === 'RollingUpdate' &&
    rollingUpdate !== undefined &&
    rollingUpdate !== null
  ) {
    const partition = optionalInt(rollingUpdate, 'partition');
    if (desired !== undefined && partition !== undefined) {
      if (updated < desired - partition) {
        return health(
          'Progressing',
          `Waiting for partitioned roll out to finish: ${updated} out of ${
            desired - partition
          } new pods have been updated...`,
        );
      }
    }
    return health(
      'Healthy',
      `partitioned roll out complete: ${updated} new pods have been updated...`,
    );
  }
  if (at(strategy, 'type') === 'OnDelete') {
    return health(
      'Healthy',
      `statefulset has ${ready} ready pods (${updated} updated)`,
    );
  }
  const updateRevision = str(obj, 'status', 'updateRevision');
  const currentRevision = str(obj, 'status', 'currentRevision');
  if (updateRevision !== currentRevision) {
    return health(
      'Progressing',
      `waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...`,
    );
  }
  return health(
    'Healthy',
    `statefulset rolling update complete ${int(
      obj,
      'status',
      'currentReplicas',
    )} pods at revision ${currentRevision}...`,
  );
}

function daemonSetHealth(obj: unknown): Health {
  if (
    int(obj, 'metadata', 'generation') >
    int(obj, 'status', 'observedGeneration')
  ) {
    return health(
      'Progressing',
      'Waiting for rollout to finish: observed daemon set generation less then desired generation',
    );
  }
  const name = quoted(str(obj, 'metadata', 'name'));
  const updated = int(obj, 'status', 'updatedNumberScheduled');
  const desired = int(obj, 'status', 'desiredNumberScheduled');
  const available = int(obj, 'status', 'numberAvailable');
  if (at(obj, 'spec', 'updateStrategy', 'type') === 'OnDelete') {
    return health(
      'Healthy',
      `daemon set ${updated} out of ${desired} new pods have been updated`,
    );
  }
  if (updated < desired) {
    return health(
      'Progressing',
      `Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
    );
  }
  if (available < desired) {
    return health(
      'Progressing',
      `Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...`,
    );
  }
  return health('Healthy');
}

function jobHealth(obj: unknown): Health {
  let failed = false;
  let complete = false;
  let suspended = false;
  let failMessage = '';
  let message = '';
  for (const condition of readConditions(at(obj, 'status')) ?? []) {
    // As in gitops-engine, Failed and Complete count whatever their status.
    if (condition.type === 'Failed') {
      failed = true;
      complete = true;
      failMessage = condition.message ?? '';
    } else if (condition.type === 'Complete') {
      complete = true;
      message = condition.message ?? '';
    } else if (condition.type === 'Suspended') {
      complete = true;
      message = condition.message ?? '';
      if (condition.status === 'True') suspended = true;
    }
  }
  if (!complete) return health('Progressing', message);
  if (failed) return health('Degraded', failMessage);
  if (suspended) return health('Suspended', message);
  return health('Healthy', message);
}

function pvcHealth(obj: unknown): Health {
  switch (at(obj, 'status', 'phase')) {
    case 'Lost':
      return health('Degraded');
    case 'Pending':
      return health('Progressing');
    case 'Bound':
      return health('Healthy');
    default:
      return health('Unknown');
  }
}

const hasIngressAddress = (obj: unknown) =>
  (asArray(at(obj, 'status', 'loadBalancer', 'ingress')) ?? []).length > 0;

function serviceHealth(obj: unknown): Health {
  if (at(obj, 'spec', 'type') === 'LoadBalancer' && !hasIngressAddress(obj)) {
    return health('Progressing');
  }
  return health('Healthy');
}

function ingressHealth(obj: unknown): Health {
  return health(hasIngressAddress(obj) ? 'Healthy' : 'Progressing');
}

const WAITING_TO_AUTOSCALE = health('Progressing', 'Waiting to Autoscale');
const HPA_FAILURES = new Set([
  'AbleToScale/FailedGetScale',
  'AbleToScale/FailedUpdateScale',
  'ScalingActive/FailedGetResourceMetric',
  'ScalingActive/InvalidSelector',
]);
const HPA_HEALTHY_TYPES = new Set(['AbleToScale', 'ScalingLimited']);

function hpaConditions(conditions: RawCondition[]): Health {
  const healthyMessages: string[] = [];
  for (const condition of conditions) {
    if (HPA_FAILURES.has(`${condition.type}/${condition.reason}`)) {
      return health('Degraded', condition.message);
    }
    if (
      HPA_HEALTHY_TYPES.has(condition.type ?? '') &&
      condition.status === 'True'
    ) {
      healthyMessages.push(condition.message ?? '');
    }
  }
  if (healthyMessages.length === conditions.length) {
    return health('Healthy', healthyMessages.join(','));
  }
  return WAITING_TO_AUTOSCALE;
}

/** autoscaling/v1 keeps the conditions as JSON in an annotation. */
function hpaV1Conditions(obj: unknown): RawCondition[] | undefined {
  const annotation = at(
    obj,
    'metadata',
    'annotations',
    'autoscaling.alpha.kubernetes.io/conditions',
  );
  if (typeof annotation !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(annotation);
  } catch (error) {
    throw new HealthCheckError(
      `failed to convert conditions annotation to typed: ${errorMessage(
        error,
      )}`,
    );
  }
  return readConditions({ conditions: parsed }) ?? [];
}

function hpaHealth(obj: unknown): Health {
  if (at(obj, 'apiVersion') === 'autoscaling/v1') {
    const conditions = hpaV1Conditions(obj);
    if (!conditions || conditions.length === 0) return WAITING_TO_AUTOSCALE;
    return hpaConditions(conditions);
  }
  return hpaConditions(readConditions(at(obj, 'status')) ?? []);
}

const CHECKS: Record<CoreWorkloadKind, (obj: unknown) => Health> = {
  Deployment: deploymentHealth,
  StatefulSet: statefulSetHealth,
  DaemonSet: daemonSetHealth,
  Job: jobHealth,
  PersistentVolumeClaim: pvcHealth,
  Service: serviceHealth,
  Ingress: ingressHealth,
  HorizontalPodAutoscaler: hpaHealth,
};

function isHeldByHook(obj: unknown): boolean {
  return (asArray(at(obj, 'metadata', 'finalizers')) ?? []).includes(
    HOOK_FINALIZER,
  );
}

/**
 * gitops-engine's health of a core workload kind.
 *
 * @public
 */
export function coreWorkloadHealth(
  kind: CoreWorkloadKind,
  obj: unknown,
): Health {
  if (isPendingDeletion(obj) && !isHeldByHook(obj)) {
    return health('Progressing', 'Pending deletion');
  }
  return runHealthCheck(CHECKS[kind], obj);
}

/** Whether the kind's own field pauses it: a paused Deployment, a suspended Job. */
function isSuspended(kind: CoreWorkloadKind, obj: unknown): boolean {
  if (kind === 'Deployment') return at(obj, 'spec', 'paused') === true;
  if (kind === 'Job') return at(obj, 'spec', 'suspend') === true;
  return false;
}

/**
 * Normalises a core workload object (read for the objects an Application manages).
 *
 * @public
 */
export function coreWorkloadStatus(
  kind: CoreWorkloadKind,
): (obj: unknown) => EngineStatus {
  return obj =>
    conditionsStatus(
      obj,
      coreWorkloadHealth(kind, obj),
      isSuspended(kind, obj),
    );
}
