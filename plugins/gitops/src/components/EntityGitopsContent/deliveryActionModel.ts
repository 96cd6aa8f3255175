import type { Delivery } from '@gitops-portal/plugin-gitops-common';

/** A promotion a user can ask for: from an environment to a later one (each column offers every later one). */
export type PromotionStep = { from: string; to: string };

/** A config-repo revision an environment can be restored to: a merged portal pull request that changed it. */
export interface RollbackPoint {
  revision: string;
  label: string;
}

/**
 * The points an environment can be rolled back to, newest first: the merge commits of the portal's pull requests
 * that changed it, except the newest, which is what runs now (restoring it would change nothing).
 */
export function rollbackPoints(
  deliveries: Delivery[],
  environment: string,
): RollbackPoint[] {
  return deliveries
    .filter(
      delivery =>
        delivery.mergeCommit &&
        delivery.environments.some(
          env => env.environment === environment && env.changed,
        ),
    )
    .slice(1)
    .map(delivery => ({
      revision: delivery.mergeCommit!,
      label: `#${delivery.number} ${
        delivery.title
      } (${delivery.mergeCommit!.slice(0, 7)})`,
    }));
}
