import { DeliveryPhase } from './deliveryStatus';

type Obj = Record<string, any>;

const READY: Record<DeliveryPhase, [string, string, string | undefined]> = {
  'out-of-sync': ['False', 'Creating', 'Composite resource is being created'],
  progressing: ['False', 'Creating', 'Composite resource is being created'],
  healthy: ['True', 'Available', undefined],
  degraded: ['False', 'Unavailable', undefined],
  'render-failed': ['False', 'Unavailable', undefined],
};

/**
 * The status of a Crossplane claim the operator created: it has no sync of its own, so it is Creating until the
 * operator's last step, then Ready (or Ready=False with the fault's message).
 */
export function claimStatusIn(
  claim: Obj,
  phase: DeliveryPhase,
  at: string,
  message?: string,
): Obj {
  const [status, reason, text] = READY[phase];
  return {
    ...claim.status,
    conditions: [
      {
        type: 'Synced',
        status: 'True',
        reason: 'ReconcileSuccess',
        lastTransitionTime: at,
      },
      {
        type: 'Ready',
        status,
        reason,
        message: text ?? message,
        lastTransitionTime: at,
      },
    ],
  };
}
