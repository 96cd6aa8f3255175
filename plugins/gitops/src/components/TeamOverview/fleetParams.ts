import {
  healthStatusSchema,
  syncStatusSchema,
} from '@gitops-portal/plugin-gitops-common';
import { NO_FILTERS, type TeamFilters } from './teamRows';

/** Everything the fleet page shows, as it is kept in the URL (so a view can be linked and reloaded). */
export interface FleetState {
  /** Group refs picked; empty means "my teams". */
  teams: string[];
  filters: TeamFilters;
}

/** Query parameter of each filter. */
const PARAM = {
  health: 'health',
  sync: 'sync',
  environment: 'env',
  cluster: 'cluster',
  text: 'q',
} as const satisfies Record<keyof TeamFilters, string>;

/**
 * Reads the fleet state from the query string (`?team=group:default/a&team=…&env=prod&cluster=prod-eu&health=
 * Degraded&sync=OutOfSync&q=pay`). A value that is not a status (a hand-edited link) is ignored, not an error.
 */
export function parseFleetParams(params: URLSearchParams): FleetState {
  const health = healthStatusSchema.safeParse(params.get(PARAM.health));
  const sync = syncStatusSchema.safeParse(params.get(PARAM.sync));
  return {
    teams: [...new Set(params.getAll('team').filter(Boolean))],
    filters: {
      health: health.success ? health.data : '',
      sync: sync.success ? sync.data : '',
      environment: params.get(PARAM.environment) ?? '',
      cluster: params.get(PARAM.cluster) ?? '',
      text: params.get(PARAM.text) ?? '',
    },
  };
}

/** The query string of a fleet state; empty filters are left out. */
export function fleetSearchParams(state: FleetState): URLSearchParams {
  const params = new URLSearchParams();
  for (const team of state.teams) params.append('team', team);
  for (const key of Object.keys(PARAM) as Array<keyof TeamFilters>) {
    const value = state.filters[key];
    if (value !== NO_FILTERS[key]) params.set(PARAM[key], value);
  }
  return params;
}
