import {
  hasSyncState,
  worstHealth,
  type EnvironmentCell,
  type ObjectStatus,
  type SyncStatus,
} from '@gitops-portal/plugin-gitops-common';
import { orderEnvironments } from '../shared';

/** One environment of a service, as the overview card shows it. */
export interface EnvironmentLine {
  environment: string;
  cell: EnvironmentCell;
  clusters: string[];
  /** Seconds since the stalest of its objects was last fresh; undefined while all are live. */
  staleAgeSeconds?: number;
}

const SYNC_ORDER: SyncStatus[] = ['OutOfSync', 'Unknown', 'Synced'];

const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.split('/')[0] : '';

/**
 * The worst of the environment's objects, as the team view's cells say it: objects whose kind has no sync state (a
 * Rollout, a Flux source) do not decide the sync.
 */
function cellOf(objects: ObjectStatus[]): EnvironmentCell {
  const syncing = objects.filter(o =>
    hasSyncState(groupOf(o.apiVersion), o.kind),
  );
  const revision = objects.find(o => o.revision)?.revision;
  return {
    health: worstHealth(objects.map(o => o.health.status)) ?? 'Unknown',
    sync:
      SYNC_ORDER.find(status => syncing.some(o => o.sync === status)) ??
      'Unknown',
    ...(revision ? { revision } : {}),
    ...(objects.some(o => o.stale) ? { stale: true } : {}),
  };
}

/** One line per environment (dev → prod), objects without one under their cluster's name. */
export function environmentLines(
  objects: readonly ObjectStatus[],
  now: number,
): EnvironmentLine[] {
  const byEnvironment = new Map<string, ObjectStatus[]>();
  for (const object of objects) {
    const environment = object.environment ?? object.cluster;
    byEnvironment.set(environment, [
      ...(byEnvironment.get(environment) ?? []),
      object,
    ]);
  }
  const order = [...byEnvironment.keys()];
  return orderEnvironments(order, e => order.indexOf(e)).map(environment => {
    const list = byEnvironment.get(environment) ?? [];
    const staleSince = list.flatMap(o =>
      o.stale ? [Date.parse(o.stale.since)] : [],
    );
    return {
      environment,
      cell: cellOf(list),
      clusters: [...new Set(list.map(o => o.cluster))].sort(),
      ...(staleSince.length > 0
        ? {
            staleAgeSeconds: Math.max(
              0,
              (now - Math.min(...staleSince)) / 1000,
            ),
          }
        : {}),
    };
  });
}
