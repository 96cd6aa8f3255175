import { Health } from '../schema';
import { GenerationLag, generationLag } from './generation';
import {
  health,
  isPendingDeletion,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';
import { at, RawCondition, readConditions } from './raw';

/**
 * Row 6's message.
 *
 * @public
 */
export const NO_CONDITIONS_MESSAGE =
  'Waiting for the controller to report conditions';

/**
 * Which row of the table decided, for tests and debugging.
 *
 * @public
 */
export type ConditionRule =
  | 'deletion'
  | 'suspended'
  | 'staleGeneration'
  | 'stalled'
  | 'readyUnknown'
  | 'noConditions'
  | 'kind';

/**
 * What the condition rules need besides the object: the kind's own health, whether it is suspended, and its generation lag.
 *
 * @public
 */
export interface ConditionRuleInput {
  /** The kind's own health (Argo CD's check, or the Ready rule). */
  kindHealth: Health;
  /** Whether the kind's own field says the object is suspended or paused. */
  suspended: boolean;
  /**
   * How far the controller is behind, for kinds that publish observation elsewhere than
   * `status.observedGeneration` (External Secrets); defaults to {@link generationLag}.
   */
  lag?: GenerationLag;
}

function find(
  conditions: RawCondition[],
  type: string,
): RawCondition | undefined {
  return conditions.find(condition => condition.type === type);
}

/**
 * The portal's decision table for conditions that disagree, shared by every kstatus-style kind (Flux
 * with its image and notification kinds, cert-manager, External Secrets, Sealed Secrets, Cluster API).
 * Each kind's own rule (Argo CD's check where it has one, else {@link readyConditionHealth}) computes a
 * health; this table then settles the cases where the object's fields say two things at once. Rows in
 * order, the first that applies wins:
 *
 * 1. `metadata.deletionTimestamp` set: Progressing, `Pending deletion[; blocked by finalizers: …]`
 *    (Argo CD's own opening block), whatever the conditions say: they describe the object before deletion.
 * 2. Suspended (the kind's own field): Suspended. The controller no longer updates the conditions, so
 *    they are frozen history. The kind rule's message is kept when it says Suspended too, else
 *    `<Kind> is suspended`.
 * 3. `observedGeneration` behind `metadata.generation`: Progressing,
 *    `Waiting for the controller to observe generation N (observed M)`: the conditions describe an older spec, even Ready=True.
 * 4. Stalled=True: Degraded, even with Ready=True. Stalled is the controller saying it cannot make
 *    progress without a change; a Ready=True next to it was left from an earlier reconciliation.
 *    Message: the kind rule's when it already says Degraded, else the Stalled condition's.
 * 5. Ready=Unknown: Progressing: the controller has not decided yet, which is not a failure.
 *    Message: the kind rule's when it already says Progressing, else the Ready condition's.
 * 6. No conditions yet (status or status.conditions absent, or an empty list): never Degraded; a
 *    Degraded kind result becomes Progressing `Waiting for the controller to report conditions`.
 *    Healthy stays Healthy (kinds that keep no conditions, phase-based checks).
 * 7. Otherwise the kind rule decides.
 *
 * Returns the health and the row that decided.
 *
 * @public
 */
export function decideConditions(
  obj: unknown,
  input: ConditionRuleInput,
): { health: Health; rule: ConditionRule } {
  const { kindHealth } = input;
  if (isPendingDeletion(obj)) {
    return {
      health: runHealthCheck(o => pendingDeletionHealth(o) ?? kindHealth, obj),
      rule: 'deletion',
    };
  }
  if (input.suspended) {
    const kind = at(obj, 'kind');
    return {
      health:
        kindHealth.status === 'Suspended'
          ? kindHealth
          : health('Suspended', `${String(kind)} is suspended`),
      rule: 'suspended',
    };
  }
  const lag = input.lag ?? generationLag(obj);
  if (lag) {
    return {
      health: health(
        'Progressing',
        `Waiting for the controller to observe generation ${lag.generation} (observed ${lag.observedGeneration})`,
      ),
      rule: 'staleGeneration',
    };
  }
  const conditions = readConditions(at(obj, 'status')) ?? [];
  const stalled = find(conditions, 'Stalled');
  if (stalled?.status === 'True') {
    return {
      health:
        kindHealth.status === 'Degraded'
          ? kindHealth
          : health('Degraded', stalled.message || stalled.reason || 'Stalled'),
      rule: 'stalled',
    };
  }
  const ready = find(conditions, 'Ready');
  if (ready?.status === 'Unknown') {
    return {
      health:
        kindHealth.status === 'Progressing'
          ? kindHealth
          : health('Progressing', ready.message || ready.reason),
      rule: 'readyUnknown',
    };
  }
  if (conditions.length === 0) {
    return {
      health:
        kindHealth.status === 'Degraded'
          ? health('Progressing', NO_CONDITIONS_MESSAGE)
          : kindHealth,
      rule: 'noConditions',
    };
  }
  return { health: kindHealth, rule: 'kind' };
}

/**
 * {@link decideConditions}, health only.
 *
 * @public
 */
export function conditionRulesHealth(
  obj: unknown,
  input: ConditionRuleInput,
): Health {
  return decideConditions(obj, input).health;
}

/**
 * The rule for kstatus-style kinds Argo CD has no check for (Flux Alert, Provider, ExternalArtifact),
 * from the Flux API docs' conditions: Ready=True is Healthy, Ready=False Degraded, Reconciling=True
 * Progressing; without Ready the object is still being set up. The message is the condition's message
 * (Flux writes a sentence there), else its reason. Rows 1-6 of the table above come on top.
 *
 * @public
 */
export function readyConditionHealth(obj: unknown): Health {
  const conditions = readConditions(at(obj, 'status')) ?? [];
  const ready = find(conditions, 'Ready');
  const text = (condition: RawCondition) =>
    condition.message || condition.reason;
  if (ready?.status === 'True') return health('Healthy', text(ready));
  if (ready?.status === 'False') return health('Degraded', text(ready));
  const reconciling = find(conditions, 'Reconciling');
  if (reconciling?.status === 'True') {
    return health('Progressing', text(reconciling));
  }
  if (ready) return health('Progressing', text(ready));
  return health('Progressing', NO_CONDITIONS_MESSAGE);
}
