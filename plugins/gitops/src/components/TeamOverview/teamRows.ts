import {
  compareHealth,
  type HealthStatus,
  type SyncStatus,
  type TeamStatusResponse,
  type TeamStatusRow,
} from '@gitops-portal/plugin-gitops-common';
import { orderEnvironments } from '../shared';

/** The fleet view's filters; empty means "any". */
export interface TeamFilters {
  health: HealthStatus | '';
  sync: SyncStatus | '';
  environment: string;
  cluster: string;
  text: string;
}

export const NO_FILTERS: TeamFilters = {
  health: '',
  sync: '',
  environment: '',
  cluster: '',
  text: '',
};

/** A service row of the fleet view, with the teams whose status listed it. */
export interface FleetRow extends TeamStatusRow {
  teams: string[];
}

/** Every environment any row has, ordered dev → prod. */
export function teamEnvironments(rows: TeamStatusRow[]): string[] {
  const seen = new Map<string, number>();
  for (const row of rows) {
    for (const environment of Object.keys(row.environments)) {
      if (!seen.has(environment)) seen.set(environment, seen.size);
    }
  }
  return orderEnvironments(seen.keys(), e => seen.get(e) ?? 0);
}

/**
 * The rows of several teams' statuses as one list: a service two teams list (a shared owner) is one row naming
 * both teams. Counts are summed, so an object of two teams counts once per team.
 */
export function mergeTeamStatuses(responses: TeamStatusResponse[]): {
  rows: FleetRow[];
  counts: TeamStatusResponse['counts'];
} {
  const rows = new Map<string, FleetRow>();
  const byHealth = {} as Record<HealthStatus, number>;
  const bySync = {} as Record<SyncStatus, number>;
  let total = 0;
  for (const response of responses) {
    for (const row of response.rows) {
      const known = rows.get(row.entityRef);
      if (known) known.teams.push(response.team);
      else rows.set(row.entityRef, { ...row, teams: [response.team] });
    }
    for (const [status, count] of Object.entries(response.counts.byHealth)) {
      const key = status as HealthStatus;
      byHealth[key] = (byHealth[key] ?? 0) + count;
    }
    for (const [status, count] of Object.entries(response.counts.bySync)) {
      const key = status as SyncStatus;
      bySync[key] = (bySync[key] ?? 0) + count;
    }
    total += response.counts.total;
  }
  return { rows: [...rows.values()], counts: { byHealth, bySync, total } };
}

function rowMatches(
  row: TeamStatusRow,
  filters: TeamFilters,
  inCluster: ReadonlySet<string> | undefined,
): boolean {
  if (inCluster && !inCluster.has(row.entityRef)) return false;
  if (
    filters.text &&
    !row.entityRef
      .toLocaleLowerCase('en-US')
      .includes(filters.text.trim().toLocaleLowerCase('en-US'))
  ) {
    return false;
  }
  const cells = filters.environment
    ? [row.environments[filters.environment]].filter(Boolean)
    : Object.values(row.environments);
  if (filters.environment && cells.length === 0) return false;
  // Health and sync must hold in the same environment cell.
  if (filters.health || filters.sync) {
    return cells.some(
      cell =>
        (!filters.health || cell.health === filters.health) &&
        (!filters.sync || cell.sync === filters.sync),
    );
  }
  return true;
}

/**
 * Rows that pass the filters, broken now first (worst health, then name). `inCluster`, when the cluster filter is
 * set, holds the services with an object in that cluster (the team rows are per environment, not per cluster).
 */
export function filterAndSortRows<T extends TeamStatusRow>(
  rows: T[],
  filters: TeamFilters,
  inCluster?: ReadonlySet<string>,
): T[] {
  return rows
    .filter(row => rowMatches(row, filters, inCluster))
    .sort(
      (a, b) =>
        compareHealth(a.worstHealth, b.worstHealth) ||
        a.entityRef.localeCompare(b.entityRef),
    );
}
