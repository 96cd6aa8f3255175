import { SchedulerService } from '@backstage/backend-plugin-api';
import { ClusterSource } from './types';

export const CLUSTER_REFRESH_TASK = 'gitops-catalog-clusters';

/**
 * Re-reads the catalog's clusters every `gitops.catalogClusters.refreshInterval` on every replica (each watches
 * from its own set); the first read runs at start-up. Nothing is scheduled without a catalog locator method.
 */
export async function scheduleClusterRefresh(options: {
  clusterSource: Pick<
    ClusterSource,
    'dynamic' | 'refresh' | 'refreshIntervalMs'
  >;
  scheduler: SchedulerService;
}) {
  const { clusterSource } = options;
  if (!clusterSource.dynamic || !clusterSource.refreshIntervalMs) return;
  await options.scheduler.scheduleTask({
    id: CLUSTER_REFRESH_TASK,
    frequency: { milliseconds: clusterSource.refreshIntervalMs },
    timeout: { minutes: 2 },
    scope: 'local',
    fn: () => clusterSource.refresh(),
  });
}
