import { Health } from '../schema';
import {
  health,
  HealthCheckError,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';
import { at, isRecord, luaToNumber } from './raw';

/**
 * Health of a Flagger `Canary`: a TypeScript re-implementation of Argo CD's
 * built-in Lua check (argoproj/argo-cd
 * resource_customizations/flagger.app/Canary/health.lua). Phases the script
 * does not list (Initializing, Waiting, WaitingPromotion, Terminating, …) are
 * Unknown there, and so here.
 *
 * @public
 */
export const FLAGGER_CANARY_HEALTH_SCRIPT =
  'resource_customizations/flagger.app/Canary/health.lua';

/**
 * The API group of Flagger's kinds.
 *
 * @public
 */
export const FLAGGER_GROUP = 'flagger.app';
/**
 * The kind of Flagger's canary.
 *
 * @public
 */
export const FLAGGER_CANARY_KIND = 'Canary';

const SEPARATOR = ' --- ';

/** Lua's `..` operand: strings and numbers concatenate, anything else raises. */
function luaConcatText(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new HealthCheckError(`attempt to concatenate ${field}`);
}

/** The messages of `ipairs(obj.status.conditions)`, raising where Lua would. */
function conditionMessages(conditions: unknown): string[] {
  if (conditions === undefined || conditions === null) {
    throw new HealthCheckError('status.conditions is missing');
  }
  // A JSON object becomes a Lua table without integer keys: ipairs sees nothing.
  if (isRecord(conditions)) return [];
  if (!Array.isArray(conditions)) {
    throw new HealthCheckError('status.conditions is not a list');
  }
  const messages: string[] = [];
  for (const condition of conditions) {
    // ipairs stops at the first nil.
    if (condition === undefined || condition === null) break;
    if (!isRecord(condition)) {
      throw new HealthCheckError('status.conditions entry is not an object');
    }
    messages.push(
      luaConcatText(condition.message, 'status.conditions[].message'),
    );
  }
  return messages;
}

function statusOfPhase(phase: unknown): Health['status'] {
  if (phase === 'Failed') return 'Degraded';
  if (
    phase === 'Progressing' ||
    phase === 'Finalising' ||
    phase === 'Promoting'
  )
    return 'Progressing';
  if (phase === 'Succeeded' || phase === 'Initialized') return 'Healthy';
  return 'Unknown';
}

function checkCanary(obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;

  const status = at(obj, 'status');
  if (status === undefined || status === null) {
    return health('Unknown', 'No status');
  }
  // `tonumber(nil) > 0` raises: a Canary without a weight has no health.
  const rawWeight = at(status, 'canaryWeight');
  const weight = luaToNumber(rawWeight);
  if (weight === undefined) {
    throw new HealthCheckError('status.canaryWeight is not a number');
  }
  const parts: string[] = [];
  if (weight > 0) {
    parts.push(
      `Canary Weight: ${luaConcatText(rawWeight, 'status.canaryWeight')} %`,
    );
  }
  parts.push(...conditionMessages(at(status, 'conditions')));
  const phase = at(status, 'phase');
  const message = `${luaConcatText(
    phase,
    'status.phase',
  )}${SEPARATOR}${parts.join(SEPARATOR)}`;
  return health(statusOfPhase(phase), message);
}

/**
 * Argo CD's health of a Flagger Canary.
 *
 * @public
 */
export function flaggerCanaryHealth(obj: unknown): Health {
  return runHealthCheck(checkCanary, obj);
}
