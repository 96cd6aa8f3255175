import {
  HealthStatus,
  healthStatusSchema,
  SyncStatus,
  syncStatusSchema,
} from '../schema';

/**
 * "Broken now first": the order team views sort and summarise health in, worst first.
 *
 * @public
 */
export const HEALTH_ORDER: readonly HealthStatus[] = [
  'Degraded',
  'Missing',
  'Unknown',
  'Progressing',
  'Suspended',
  'Healthy',
];

/**
 * Higher is worse: Degraded 5 ... Healthy 0.
 *
 * @public
 */
export function healthSeverity(status: HealthStatus): number {
  return HEALTH_ORDER.length - 1 - HEALTH_ORDER.indexOf(status);
}

/**
 * Comparator that sorts the worst health first.
 *
 * @public
 */
export function compareHealth(a: HealthStatus, b: HealthStatus): number {
  return healthSeverity(b) - healthSeverity(a);
}

/**
 * The worst health of a list; undefined for an empty list.
 *
 * @public
 */
export function worstHealth(
  list: Iterable<HealthStatus>,
): HealthStatus | undefined {
  let worst: HealthStatus | undefined;
  for (const status of list) {
    if (worst === undefined || healthSeverity(status) > healthSeverity(worst)) {
      worst = status;
    }
  }
  return worst;
}

/**
 * Count of each health status, every status present (0 when none).
 *
 * @public
 */
export function countByHealth(
  list: Iterable<HealthStatus>,
): Record<HealthStatus, number> {
  const counts = Object.fromEntries(
    healthStatusSchema.options.map(status => [status, 0]),
  ) as Record<HealthStatus, number>;
  for (const status of list) counts[status] += 1;
  return counts;
}

/**
 * Count of each sync status, every status present (0 when none).
 *
 * @public
 */
export function countBySync(
  list: Iterable<SyncStatus>,
): Record<SyncStatus, number> {
  const counts = Object.fromEntries(
    syncStatusSchema.options.map(status => [status, 0]),
  ) as Record<SyncStatus, number>;
  for (const status of list) counts[status] += 1;
  return counts;
}
