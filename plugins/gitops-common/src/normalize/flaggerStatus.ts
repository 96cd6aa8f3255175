import { RolloutInfo } from '../schema';
import { clip, compact, EngineStatus, toConditions } from './engineStatus';
import { flaggerCanaryHealth } from './flaggerHealth';
import {
  asNumber,
  asText,
  asTimestamp,
  at,
  latestTimestamp,
  readConditions,
} from './raw';

function integer(value: unknown): number | undefined {
  const number = asNumber(value);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}

/**
 * A Canary's progress in the vocabulary a Rollout's uses: the phase, the
 * Promoted condition's message, the weight routed to the canary, and Flagger's
 * analysis counters.
 *
 * @public
 */
export function flaggerCanaryInfo(obj: unknown): RolloutInfo {
  const status = at(obj, 'status');
  const promoted = readConditions(status)?.find(c => c.type === 'Promoted');
  return compact({
    phase: asText(at(status, 'phase')),
    message: clip(asText(promoted?.message)),
    canaryWeight: asNumber(at(status, 'canaryWeight')),
    failedChecks: integer(at(status, 'failedChecks')),
    iterations: integer(at(status, 'iterations')),
  });
}

/**
 * Normalises a Flagger Canary. It is not a sync owner: sync is Unknown.
 *
 * @public
 */
export function flaggerCanaryStatus(obj: unknown): EngineStatus {
  const status = at(obj, 'status');
  const raw = readConditions(status);
  return compact({
    sync: 'Unknown' as const,
    health: flaggerCanaryHealth(obj),
    conditions: toConditions(raw),
    // Flagger stamps status.lastTransitionTime on every phase change.
    lastTransitionTime:
      asTimestamp(at(status, 'lastTransitionTime')) ??
      latestTimestamp((raw ?? []).map(c => c.lastTransitionTime)),
    suspended: at(obj, 'spec', 'suspend') === true,
    rollout: flaggerCanaryInfo(obj),
  });
}
