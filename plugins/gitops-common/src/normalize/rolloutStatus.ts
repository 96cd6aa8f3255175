import { RolloutInfo } from '../schema';
import { clip, compact, EngineStatus, toConditions } from './engineStatus';
import { rolloutHealth } from './rolloutHealth';
import {
  asArray,
  asNumber,
  asText,
  at,
  latestTimestamp,
  readConditions,
} from './raw';

/**
 * The canary weight the Rollout has set: the traffic router's reported weight
 * when there is one, else (as Argo Rollouts computes it) the last setWeight step
 * at or before the current step, 100 once all steps ran, 0 when aborted.
 *
 * @public
 */
export function rolloutCanaryWeight(obj: unknown): number | undefined {
  const routed = asNumber(
    at(obj, 'status', 'canary', 'weights', 'canary', 'weight'),
  );
  if (routed !== undefined) return routed;
  const steps = asArray(at(obj, 'spec', 'strategy', 'canary', 'steps'));
  if (!steps) return undefined;
  if (at(obj, 'status', 'abort') === true) return 0;
  const index = asNumber(at(obj, 'status', 'currentStepIndex'));
  if (index === undefined) return undefined;
  if (index >= steps.length) return 100;
  for (let i = Math.min(index, steps.length - 1); i >= 0; i--) {
    const weight = asNumber(at(steps[i], 'setWeight'));
    if (weight !== undefined) return weight;
  }
  return 0;
}

/**
 * The progressive-delivery progress of an Argo Rollouts Rollout: its phase, step and canary weight.
 *
 * @public
 */
export function rolloutInfo(obj: unknown): RolloutInfo {
  const status = at(obj, 'status');
  const steps = asArray(at(obj, 'spec', 'strategy', 'canary', 'steps'));
  const currentStep = asNumber(at(status, 'currentStepIndex'));
  return compact({
    phase: asText(at(status, 'phase')),
    message: clip(asText(at(status, 'message'))),
    currentStep:
      currentStep !== undefined && Number.isInteger(currentStep)
        ? currentStep
        : undefined,
    totalSteps: steps?.length,
    canaryWeight: rolloutCanaryWeight(obj),
    stableRevision: asText(at(status, 'stableRS')),
    canaryRevision: asText(at(status, 'currentPodHash')),
  });
}

function isSuspended(obj: unknown): boolean {
  const pauseConditions = asArray(at(obj, 'status', 'pauseConditions'));
  return (
    (pauseConditions !== undefined && pauseConditions.length > 0) ||
    at(obj, 'spec', 'paused') === true ||
    at(obj, 'status', 'phase') === 'Paused'
  );
}

/**
 * Normalises an Argo Rollouts Rollout. It is not a sync owner: sync is Unknown.
 *
 * @public
 */
export function rolloutStatus(obj: unknown): EngineStatus {
  const raw = readConditions(at(obj, 'status'));
  return compact({
    sync: 'Unknown' as const,
    health: rolloutHealth(obj),
    conditions: toConditions(raw),
    lastTransitionTime: latestTimestamp(
      (raw ?? []).map(c => c.lastTransitionTime),
    ),
    suspended: isSuspended(obj),
    rollout: rolloutInfo(obj),
  });
}
