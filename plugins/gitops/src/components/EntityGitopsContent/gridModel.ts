import type {
  ClusterState,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { orderEnvironments } from '../shared';

/** The column an object without any environment goes to. */
export const NO_ENVIRONMENT = 'unassigned';

export interface EnvironmentGrid {
  environments: string[];
  clusters: string[];
  /** Objects by `cluster` then `environment`. */
  cells: Map<string, Map<string, ObjectStatus[]>>;
}

function environmentOf(
  object: ObjectStatus,
  clusterEnvironment: Map<string, string>,
): string {
  return (
    object.environment ??
    clusterEnvironment.get(object.cluster) ??
    NO_ENVIRONMENT
  );
}

/**
 * Environments (columns) ordered dev → staging → prod: known names by that
 * order, others by where their first cluster appears in the configuration.
 * Clusters (rows) keep the configuration order; unknown ones follow.
 */
export function buildEnvironmentGrid(
  objects: ObjectStatus[],
  clusterStates: ClusterState[],
): EnvironmentGrid {
  const clusterEnvironment = new Map<string, string>();
  const firstSeen = new Map<string, number>();
  const clusters: string[] = [];
  const note = (environment: string) => {
    if (!firstSeen.has(environment)) firstSeen.set(environment, firstSeen.size);
  };
  for (const state of clusterStates) {
    if (state.environment)
      clusterEnvironment.set(state.name, state.environment);
  }

  const cells = new Map<string, Map<string, ObjectStatus[]>>();
  for (const object of objects) {
    const environment = environmentOf(object, clusterEnvironment);
    note(environment);
    let row = cells.get(object.cluster);
    if (!row) {
      row = new Map();
      cells.set(object.cluster, row);
    }
    row.set(environment, [...(row.get(environment) ?? []), object]);
  }

  const configured = clusterStates.map(state => state.name);
  for (const name of configured) if (cells.has(name)) clusters.push(name);
  for (const name of cells.keys()) {
    if (!clusters.includes(name)) clusters.push(name);
  }
  const configOrder = new Map<string, number>();
  for (const state of clusterStates) {
    if (state.environment && !configOrder.has(state.environment)) {
      configOrder.set(state.environment, configOrder.size);
    }
  }
  const named = [...firstSeen.keys()].filter(e => e !== NO_ENVIRONMENT);
  const environments = orderEnvironments(
    named,
    e => configOrder.get(e) ?? configOrder.size + (firstSeen.get(e) ?? 0),
  );
  if (firstSeen.has(NO_ENVIRONMENT)) environments.push(NO_ENVIRONMENT);
  return { environments, clusters, cells };
}

/** One environment row of the grid: its clusters (configuration order) with their objects. */
export interface EnvironmentRow {
  environment: string;
  clusters: Array<{ cluster: string; objects: ObjectStatus[] }>;
}

/**
 * Rows = environments in order, each holding only the clusters that run something in it. With one environment
 * per cluster (the usual setup) an environments × clusters table is a diagonal of empty cells; this is dense.
 */
export function environmentRows(grid: EnvironmentGrid): EnvironmentRow[] {
  return grid.environments.map(environment => ({
    environment,
    clusters: grid.clusters.flatMap(cluster => {
      const objects = grid.cells.get(cluster)?.get(environment);
      return objects ? [{ cluster, objects }] : [];
    }),
  }));
}
