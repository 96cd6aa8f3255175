import type { ClusterState } from '@gitops-portal/plugin-gitops-common';

/** A cluster whose data the backend serves from its cache, and for how long. */
export interface StaleCluster {
  name: string;
  environment: string;
  ageSeconds: number;
}

/**
 * The clusters served stale, oldest first. The environment is the one the team rows group the cluster's objects
 * under (the cluster's environment, else its name).
 */
export function staleClusters(
  clusters: readonly ClusterState[],
  now: number,
): StaleCluster[] {
  return clusters
    .filter(cluster => cluster.staleSince)
    .map(cluster => ({
      name: cluster.name,
      environment: cluster.environment ?? cluster.name,
      ageSeconds: Math.max(
        0,
        (now - Date.parse(cluster.staleSince as string)) / 1000,
      ),
    }))
    .sort((a, b) => b.ageSeconds - a.ageSeconds);
}

/** Per environment, the age of its stalest cluster. */
export function staleAgeByEnvironment(
  stale: readonly StaleCluster[],
): Map<string, number> {
  const ages = new Map<string, number>();
  for (const cluster of stale) {
    ages.set(
      cluster.environment,
      Math.max(ages.get(cluster.environment) ?? 0, cluster.ageSeconds),
    );
  }
  return ages;
}
