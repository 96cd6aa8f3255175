import {
  compareHealth,
  type HealthStatus,
  type SyncStatus,
  type TeamStatusRow,
} from '@gitops-portal/plugin-gitops-common';
import { orderEnvironments } from '../shared';

/** The team view's filters; empty means "any". */
export interface TeamFilters {
  health: HealthStatus | '';
  sync: SyncStatus | '';
  environment: string;
  text: string;
}

export const NO_FILTERS: TeamFilters = {
  health: '',
  sync: '',
  environment: '',
  text: '',
};

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

function rowMatches(row: TeamStatusRow, filters: TeamFilters): boolean {
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

/** Rows that pass the filters, broken now first (worst health, then name). */
export function filterAndSortRows(
  rows: TeamStatusRow[],
  filters: TeamFilters,
): TeamStatusRow[] {
  return rows
    .filter(row => rowMatches(row, filters))
    .sort(
      (a, b) =>
        compareHealth(a.worstHealth, b.worstHealth) ||
        a.entityRef.localeCompare(b.entityRef),
    );
}
