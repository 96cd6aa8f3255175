import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readEnvironmentOrder } from '@gitops-portal/plugin-gitops-node';
import { ClusterSource } from './types';

/**
 * The environments, in delivery order: `gitops.environments` when configured, then any other environment a
 * cluster names (`gitops.clusters[].environment`, `gitops.clusterEnvironments`, catalog or locator clusters), in
 * cluster order. The one list the routes check input against, the golden-path forms offer and the pipeline shows.
 */
export function environmentOrder(options: {
  configured?: string[];
  clusters: Array<{ name: string; environment?: string }>;
}): string[] {
  const order = [...(options.configured ?? [])];
  for (const cluster of options.clusters) {
    if (cluster.environment && !order.includes(cluster.environment)) {
      order.push(cluster.environment);
    }
  }
  return order;
}

/** `environmentOrder` of the config and the cluster source's current clusters (the order is read, and checked, once). */
export function createEnvironments(
  config: Config,
  clusterSource: Pick<ClusterSource, 'clusters'>,
): () => string[] {
  const configured = readEnvironmentOrder(config);
  return () =>
    environmentOrder({ configured, clusters: clusterSource.clusters() });
}

/** Throws a 400 naming `field` unless `environment` is one of the known ones. */
export type EnvironmentCheck = (field: string, environment: string) => void;

/**
 * A request naming an environment outside `environments()` is refused. With none known there is nothing to check
 * against, and only the DNS-1123 rule of the request schemas applies.
 */
export function createEnvironmentCheck(
  environments: () => string[],
): EnvironmentCheck {
  return (field, environment) => {
    const known = environments();
    if (known.length === 0 || known.includes(environment)) return;
    throw new InputError(
      `${field}: unknown environment '${environment}' (configured: ${[...known]
        .sort()
        .join(', ')})`,
    );
  };
}
