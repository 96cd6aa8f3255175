import { Config } from '@backstage/config';
import { readEnvironmentOrder } from '../changes/promotion/environmentOrder';

/**
 * A configured cluster as registration discovery needs it: its name, API server URL and environment.
 *
 * @public
 */
export interface ClusterEnvironment {
  name: string;
  url?: string;
  environment?: string;
}

/**
 * What tells discovery which environment a registration point serves: the environment names and the configured
 * clusters.
 *
 * @public
 */
export interface EnvironmentHints {
  environments: string[];
  clusters: ClusterEnvironment[];
}

const sameUrl = (a: string, b: string) =>
  a.trim().replace(/\/+$/, '').toLowerCase() ===
  b.trim().replace(/\/+$/, '').toLowerCase();

/** The environment of an Argo CD destination: that of the configured cluster it names, by server URL or by name. */
export function destinationEnvironment(
  destination: unknown,
  hints: EnvironmentHints,
): string | undefined {
  const { server, name } = (destination ?? {}) as Record<string, unknown>;
  const cluster = hints.clusters.find(
    c =>
      c.environment &&
      ((typeof server === 'string' && c.url && sameUrl(c.url, server)) ||
        (typeof name === 'string' && c.name === name)),
  );
  return cluster?.environment;
}

/** The one environment the paths' segments name (an environment's name, or a cluster's that has one); else none. */
export function pathEnvironment(
  paths: string[],
  hints: EnvironmentHints,
): string | undefined {
  const found = new Set<string>();
  for (const segment of paths.flatMap(path => path.split('/'))) {
    if (hints.environments.includes(segment)) found.add(segment);
    const cluster = hints.clusters.find(
      c => c.name === segment && c.environment,
    );
    if (cluster?.environment) found.add(cluster.environment);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The one value every entry has, else undefined (none, or two different). */
export function shared<T>(values: Array<T | undefined>): T | undefined {
  const distinct = new Set(values);
  return distinct.size === 1 ? values[0] : undefined;
}

/**
 * The hints of the config: environments of `gitops.environments`, `extra` and the clusters; clusters of
 * `gitops.clusters` (name, url, environment), `kubernetes.clusterLocatorMethods` of type `config` (name, url) and
 * `gitops.clusterEnvironments` (environment by cluster name). Catalog clusters are not read here.
 *
 * @public
 */
export function readEnvironmentHints(
  config: Config,
  extra: string[] = [],
): EnvironmentHints {
  const byName = new Map<string, ClusterEnvironment>();
  const add = (entry: ClusterEnvironment) => {
    const known = byName.get(entry.name);
    byName.set(entry.name, {
      name: entry.name,
      url: entry.url ?? known?.url,
      environment: entry.environment ?? known?.environment,
    });
  };
  for (const method of config.getOptionalConfigArray(
    'kubernetes.clusterLocatorMethods',
  ) ?? []) {
    if (method.getOptionalString('type') !== 'config') continue;
    for (const c of method.getOptionalConfigArray('clusters') ?? []) {
      add({ name: c.getString('name'), url: c.getOptionalString('url') });
    }
  }
  for (const c of config.getOptionalConfigArray('gitops.clusters') ?? []) {
    add({
      name: c.getString('name'),
      url: c.getOptionalString('url'),
      environment: c.getOptionalString('environment'),
    });
  }
  const byCluster = config.getOptionalConfig('gitops.clusterEnvironments');
  for (const name of byCluster?.keys() ?? []) {
    if (!byName.get(name)?.environment) {
      add({ name, environment: byCluster!.getString(name) });
    }
  }
  const clusters = [...byName.values()];
  const environments = new Set([
    ...(readEnvironmentOrder(config) ?? []),
    ...extra,
    ...clusters.flatMap(c => (c.environment ? [c.environment] : [])),
  ]);
  return { environments: [...environments], clusters };
}
