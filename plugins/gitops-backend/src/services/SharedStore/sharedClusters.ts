import { ClusterState, Xrd } from '@internal/plugin-gitops-common';
import { Knex } from 'knex';
import { CLUSTERS } from './tables';

type Configured = Array<{ name: string; environment?: string }>;

interface StaleRow {
  cluster: string;
  stale_ms: number | null;
  heartbeat_ms: number;
}

interface ClusterRow extends StaleRow {
  state: string;
  xrds: string;
}

export interface SharedClusters {
  states: ClusterState[];
  xrds: Xrd[];
}

const staleColumns = (knex: Knex) => [
  'cluster',
  knex.raw('(extract(epoch from stale_since) * 1000)::float8 AS stale_ms'),
  knex.raw('(extract(epoch from heartbeat_at) * 1000)::float8 AS heartbeat_ms'),
];

/**
 * When a cluster's objects turn stale: as its owner reports, or, when no replica has reported the cluster for
 * `staleAfterMs` (its owner died and no one took over yet), since that last report. A cluster never reported is
 * stale from now. Undefined: fresh.
 */
function staleSinceOf(
  row: StaleRow | undefined,
  staleAfterMs: number,
  now: number,
): number | undefined {
  if (!row) return now;
  if (now - row.heartbeat_ms > staleAfterMs) {
    return Math.min(row.heartbeat_ms, row.stale_ms ?? Infinity);
  }
  return row.stale_ms ?? undefined;
}

/** Stale-since (ms epoch) of each configured cluster whose objects are served stale; no JSON read. */
export async function readStaleClusters(options: {
  knex: Knex;
  configured: Configured;
  staleAfterMs: number;
  now: number;
}): Promise<Map<string, number>> {
  const { knex, configured, staleAfterMs, now } = options;
  const rows: StaleRow[] = await knex(CLUSTERS).select(staleColumns(knex));
  const byName = new Map(rows.map(row => [row.cluster, row]));
  const stale = new Map<string, number>();
  for (const { name } of configured) {
    const since = staleSinceOf(byName.get(name), staleAfterMs, now);
    if (since !== undefined) stale.set(name, since);
  }
  return stale;
}

/**
 * Cluster states and XRDs from the shared table, for every configured cluster. A cluster no replica reports is
 * served unreachable and stale since the last report: its status rows stay, marked stale, never lost.
 */
export async function readSharedClusters(options: {
  knex: Knex;
  configured: Configured;
  staleAfterMs: number;
  now: number;
}): Promise<SharedClusters> {
  const { knex, configured, staleAfterMs, now } = options;
  const rows: ClusterRow[] = await knex(CLUSTERS).select(
    ...staleColumns(knex),
    'state',
    'xrds',
  );
  const byName = new Map(rows.map(row => [row.cluster, row]));
  const xrds: Xrd[] = [];
  const states = configured.map(({ name, environment }): ClusterState => {
    const row = byName.get(name);
    const since = staleSinceOf(row, staleAfterMs, now);
    const staleSince =
      since === undefined ? {} : { staleSince: new Date(since).toISOString() };
    if (!row) {
      return {
        name,
        ...(environment ? { environment } : {}),
        state: 'unreachable',
        message: 'No backend replica watches this cluster yet',
        ...staleSince,
        kinds: [],
      };
    }
    xrds.push(...(JSON.parse(row.xrds) as Xrd[]));
    const state = JSON.parse(row.state) as ClusterState;
    if (now - row.heartbeat_ms <= staleAfterMs) return state;
    return {
      ...state,
      state: 'unreachable',
      message: `No backend replica has reported this cluster since ${new Date(
        row.heartbeat_ms,
      ).toISOString()}`,
      ...staleSince,
    };
  });
  return { states, xrds };
}
