import { Health } from '../schema';
import { readyConditionHealth } from './conditionRules';
import { checkFluxCount } from './fluxConditionCount';
import { health, pendingDeletionHealth, runHealthCheck } from './health';
import { at } from './raw';

/**
 * Health of Flux's notification kinds.
 *
 * - Receiver mirrors Argo CD's `resource_customizations/notification.toolkit.fluxcd.io/Receiver/health.lua`
 *   (argoproj/argo-cd): no suspend check; Ready=False and Reconciling=True both count as failing, two
 *   of them → Degraded, exactly one Ready=True → Healthy, else Degraded; message = the Ready reason.
 * - Alert and Provider: Argo CD has no check. Since notification.toolkit.fluxcd.io/v1beta3 they are
 *   static objects the controller validates on admission and keeps no status for (Flux notification
 *   API docs), so an Alert or Provider without conditions is Healthy. Objects of older APIs that do
 *   carry conditions follow the Ready rule ({@link readyConditionHealth}).
 *
 * @public
 */
export const FLUX_NOTIFICATION_GROUP = 'notification.toolkit.fluxcd.io';
/**
 * The Flux notification controller's kinds.
 *
 * @public
 */
export const FLUX_NOTIFICATION_KINDS = [
  'Alert',
  'Provider',
  'Receiver',
] as const;
/**
 * A Flux notification controller kind.
 *
 * @public
 */
export type FluxNotificationKind = (typeof FLUX_NOTIFICATION_KINDS)[number];

/**
 * The health message of a Flux notification object, which has no status.
 *
 * @public
 */
export const STATIC_NOTIFICATION_MESSAGE =
  'Static object: the notification controller keeps no status for it';

/**
 * True for a Flux notification kind (`FLUX_NOTIFICATION_KINDS`).
 *
 * @public
 */
export function isFluxNotificationKind(
  kind: string,
): kind is FluxNotificationKind {
  return (FLUX_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

function checkStatic(obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;
  const conditions = at(obj, 'status', 'conditions');
  if (!Array.isArray(conditions) || conditions.length === 0) {
    return health('Healthy', STATIC_NOTIFICATION_MESSAGE);
  }
  return readyConditionHealth(obj);
}

/**
 * The health of a Flux Alert, Provider or Receiver.
 *
 * @public
 */
export function fluxNotificationHealth(
  kind: FluxNotificationKind,
  obj: unknown,
): Health {
  if (kind === 'Receiver') {
    return runHealthCheck(
      o =>
        checkFluxCount(
          {
            checksSuspend: false,
            readyCounted: 'False',
            twoCounted: 'Degraded',
          },
          kind,
          o,
        ),
      obj,
    );
  }
  return runHealthCheck(checkStatic, obj);
}
