import { Health } from '../schema';
import {
  health,
  HealthCheckError,
  INVALID_HEALTH_STATUS_MESSAGE,
  isHealthStatus,
  pendingDeletionHealth,
  requireNumber,
  runHealthCheck,
} from './health';
import { asArray, at, isRecord, luaToNumber, readConditions } from './raw';

/**
 * Health of an Argo Rollouts `Rollout`: a TypeScript re-implementation of Argo
 * CD's built-in Lua check (argoproj/argo-cd
 * resource_customizations/argoproj.io/Rollout/health.lua). Rollouts v1.0+
 * write status.phase/message, which Argo CD surfaces; older controllers get
 * the legacy client-side computation further down.
 *
 * @public
 */
export const ROLLOUT_HEALTH_SCRIPT =
  'resource_customizations/argoproj.io/Rollout/health.lua';

/**
 * The annotation with which a Rollout records the generation of the workload it references.
 *
 * @public
 */
export const WORKLOAD_GENERATION_ANNOTATION =
  'rollout.argoproj.io/workload-generation';

const MORE_REPLICAS =
  'Waiting for roll out to finish: More replicas need to be updated';
const BECOMING_AVAILABLE =
  'Waiting for roll out to finish: updated replicas are still becoming available';
const OLD_REPLICAS =
  'Waiting for roll out to finish: old replicas are pending termination';

/** Numeric status.observedGeneration must equal metadata.generation (v0.10+). */
function isGenerationObserved(obj: unknown): boolean {
  const status = at(obj, 'status');
  if (status === undefined || status === null) return false;
  const observed = luaToNumber(at(status, 'observedGeneration'));
  // A v0.9 rollout keeps a hash there: nothing to compare.
  if (observed === undefined) return true;
  const generation = requireNumber(
    at(obj, 'metadata', 'generation'),
    'metadata.generation',
  );
  if (observed > generation) return true;
  return observed === generation;
}

/** With spec.workloadRef (v1.1+), the referenced workload's generation must be observed too. */
function isWorkloadGenerationObserved(obj: unknown): boolean {
  const annotations = at(obj, 'metadata', 'annotations');
  const workloadRef = at(obj, 'spec', 'workloadRef');
  if (workloadRef === undefined || workloadRef === null) return true;
  if (annotations === undefined || annotations === null) return true;
  const wanted = luaToNumber(at(annotations, WORKLOAD_GENERATION_ANNOTATION));
  const observed = luaToNumber(at(obj, 'status', 'workloadObservedGeneration'));
  return wanted === observed;
}

function isPaused(obj: unknown): boolean {
  const pauseConditions = asArray(at(obj, 'status', 'pauseConditions'));
  if (pauseConditions && pauseConditions.length > 0) return true;
  const paused = at(obj, 'spec', 'paused');
  // Lua truthiness: anything but nil and false.
  return paused !== undefined && paused !== null && paused !== false;
}

function count(value: unknown, fallback: number, field: string): number {
  return value === undefined || value === null
    ? fallback
    : requireNumber(value, field);
}

/** v0.8 moved status.canary.stableRS to status.stableRS. `undefined` is Lua nil. */
function stableReplicaSet(status: unknown): unknown {
  const stable = at(status, 'stableRS');
  if (stable !== undefined && stable !== null) return stable;
  const canary = at(status, 'canary');
  if (canary !== undefined && canary !== null) return at(canary, 'stableRS');
  return '';
}

function checkRollout(obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;

  if (!isGenerationObserved(obj) || !isWorkloadGenerationObserved(obj)) {
    return health(
      'Progressing',
      'Waiting for rollout spec update to be observed',
    );
  }
  const status = at(obj, 'status');
  const phase = at(status, 'phase');
  if (phase !== undefined && phase !== null) {
    const mapped = phase === 'Paused' ? 'Suspended' : phase;
    if (!isHealthStatus(mapped)) {
      return health('Unknown', INVALID_HEALTH_STATUS_MESSAGE);
    }
    return health(mapped, at(status, 'message'));
  }

  // Legacy controllers (< v1.0): the script loops over conditions unguarded.
  const conditions = readConditions(status);
  if (!conditions) throw new HealthCheckError('status.conditions is missing');
  for (const condition of conditions) {
    if (condition.type === 'InvalidSpec') {
      return health('Degraded', condition.message);
    }
    if (
      condition.type === 'Progressing' &&
      (condition.reason === 'RolloutAborted' ||
        condition.reason === 'ProgressDeadlineExceeded')
    ) {
      return health('Degraded', condition.message);
    }
  }
  if (isPaused(obj)) return health('Suspended', 'Rollout is paused');

  const currentPodHash = at(status, 'currentPodHash');
  if (currentPodHash === undefined || currentPodHash === null) {
    return health(
      'Progressing',
      'Waiting for rollout to finish: status has not been reconciled.',
    );
  }
  const desired = count(at(obj, 'spec', 'replicas'), 1, 'spec.replicas');
  const replicas = count(at(status, 'replicas'), 0, 'status.replicas');
  const updated = count(
    at(status, 'updatedReplicas'),
    0,
    'status.updatedReplicas',
  );
  const available = count(
    at(status, 'availableReplicas'),
    0,
    'status.availableReplicas',
  );
  if (updated < desired) return health('Progressing', MORE_REPLICAS);
  if (available < updated) return health('Progressing', BECOMING_AVAILABLE);

  const stable = stableReplicaSet(status);
  const strategy = at(obj, 'spec', 'strategy');
  if (!isRecord(strategy))
    throw new HealthCheckError('spec.strategy is missing');
  if (strategy.blueGreen !== undefined && strategy.blueGreen !== null) {
    const blueGreen = at(status, 'blueGreen');
    if (!isRecord(blueGreen) || blueGreen.activeSelector !== currentPodHash) {
      return health('Progressing', 'active service cutover pending');
    }
    if (stable !== '' && stable !== currentPodHash) {
      return health('Progressing', 'waiting for analysis to complete');
    }
  } else if (strategy.canary !== undefined && strategy.canary !== null) {
    if (replicas > updated) return health('Progressing', OLD_REPLICAS);
    if (stable === '' || stable !== currentPodHash) {
      return health('Progressing', 'Waiting for rollout to finish steps');
    }
  }
  return health('Healthy');
}

/**
 * Argo CD's health of an Argo Rollouts Rollout.
 *
 * @public
 */
export function rolloutHealth(obj: unknown): Health {
  return runHealthCheck(checkRollout, obj);
}
