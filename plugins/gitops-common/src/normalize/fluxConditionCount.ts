import { Health, HealthStatus } from '../schema';
import { health, HealthCheckError, pendingDeletionHealth } from './health';
import { at, readConditions } from './raw';

/**
 * The shape Argo CD's Lua checks for Flux's image and notification kinds share: the deletion block, an
 * optional `spec.suspend` check, then a count over status.conditions where Ready=True is a success and
 * some other conditions count against it. The scripts differ only in which Ready status and which
 * Reconciling reasons count, and in what two such counts mean.
 */
export interface FluxCountRule {
  /** Whether the script checks `spec.suspend` (and so raises when there is no spec). */
  checksSuspend: boolean;
  /** The Ready status that counts against (besides True, which is a success). */
  readyCounted: 'False' | 'Unknown';
  /** Reconciling=True counts only with one of these reasons; undefined: any reason. */
  reconcilingReasons?: ReadonlySet<string>;
  /** What exactly two counted conditions mean. */
  twoCounted: HealthStatus;
}

export function checkFluxCount(
  rule: FluxCountRule,
  kind: string,
  obj: unknown,
): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;
  if (rule.checksSuspend) {
    // The scripts index obj.spec unguarded: no spec is a Lua error.
    const spec = at(obj, 'spec');
    if (spec === undefined || spec === null) {
      throw new HealthCheckError('spec is missing');
    }
    if (at(spec, 'suspend') === true) {
      return health('Suspended', `${kind} is suspended`);
    }
  }
  const conditions = readConditions(at(obj, 'status'));
  if (!conditions) return health('Progressing', 'Status unknown');

  let counted = 0;
  let succeeded = 0;
  // Lua: message starts "" and becomes nil when a Ready condition has no reason.
  let message: string | undefined = '';
  for (const condition of conditions) {
    if (condition.type === 'Ready') {
      if (condition.status === 'True') succeeded += 1;
      else if (condition.status === rule.readyCounted) counted += 1;
      message = condition.reason;
    } else if (
      condition.type === 'Reconciling' &&
      condition.status === 'True' &&
      (!rule.reconcilingReasons ||
        rule.reconcilingReasons.has(condition.reason ?? ''))
    ) {
      counted += 1;
    }
  }
  // Exact comparisons, as in the scripts.
  if (counted === 2) return health(rule.twoCounted, message);
  if (succeeded === 1) return health('Healthy', message);
  return health('Degraded', message);
}
