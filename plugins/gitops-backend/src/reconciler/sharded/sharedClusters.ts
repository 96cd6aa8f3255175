import { ClusterState, Xrd } from '@gitops-portal/plugin-gitops-common';
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

/** The rows of the shared cluster table by cluster, JSON parsed (what views need of them at any moment after). */
export type ClusterRows = Map<
  string,
  StaleRow & { state: ClusterState; xrds: Xrd[] }
>;

export async function readClusterRows(knex: Knex): Promise<ClusterRows> {
  const rows: ClusterRow[] = await knex(CLUSTERS).select(
    ...staleColumns(knex),
    'state',
    'xrds',
  );
  return new Map(
    rows.map(row => [
      row.cluster,
      {
        ...row,
        state: JSON.parse(row.state) as ClusterState,
        xrds: JSON.parse(row.xrds) as Xrd[],
      },
    ]),
  );
}

interface ClusterView {
  rows: ClusterRows;
  configured: Configured;
  staleAfterMs: number;
  /** When the view is taken: a cluster's report turns stale by age, without a new read. */
  now: number;
}

/** Stale-since (ms epoch) of each configured cluster whose objects are served stale. */
export function staleClustersOf(view: ClusterView): Map<string, number> {
  const { rows, configured, staleAfterMs, now } = view;
  const stale = new Map<string, number>();
  for (const { name } of configured) {
    const since = staleSinceOf(rows.get(name), staleAfterMs, now);
    if (since !== undefined) stale.set(name, since);
  }
  return stale;
}

/**
 * Cluster states and XRDs for every configured cluster. A cluster no replica reports is served unreachable and
 * stale since the last report: its status rows stay, marked stale, never lost.
 */
export function sharedClustersOf(view: ClusterView): SharedClusters {
  const { rows, configured, staleAfterMs, now } = view;
  const xrds: Xrd[] = [];
  const states = configured.map(({ name, environment }): ClusterState => {
    const row = rows.get(name);
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
    xrds.push(...row.xrds);
    if (now - row.heartbeat_ms <= staleAfterMs) return row.state;
    return {
      ...row.state,
      state: 'unreachable',
      message: `No backend replica has reported this cluster since ${new Date(
        row.heartbeat_ms,
      ).toISOString()}`,
      ...staleSince,
    };
  });
  return { states, xrds };
}
