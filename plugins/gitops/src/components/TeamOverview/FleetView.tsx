import { useEffect, useMemo, useRef } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { healthSeverity } from '@gitops-portal/plugin-gitops-common';
import { staleAgeByEnvironment, staleClusters } from './staleAges';
import { StaleNotice } from './StaleNotice';
import { LiveUpdatesNotice } from '../shared';
import { TeamFilterBar } from './TeamFilterBar';
import {
  filterAndSortRows,
  teamEnvironments,
  type TeamFilters,
} from './teamRows';
import { TeamSummary } from './TeamSummary';
import { TeamTable } from './TeamTable';
import { useFleetStatus, useServicesInCluster } from './useFleetStatus';
import { useNow } from './useNow';

/** Performance mark set once, when the first rows are on screen (read by bench/views). */
export const TEAM_OVERVIEW_RENDERED_MARK = 'gitops-team-overview-rendered';

/** Marks the first commit that shows rows: the team overview's "first meaningful paint". */
function useRenderedMark(hasRows: boolean) {
  const marked = useRef(false);
  useEffect(() => {
    if (!hasRows || marked.current) return;
    marked.current = true;
    globalThis.performance?.mark?.(TEAM_OVERVIEW_RENDERED_MARK);
  }, [hasRows]);
}

/** Degraded or Missing: what "broken now" counts. */
const BROKEN = healthSeverity('Missing');

/**
 * Every service of some teams × environments, broken now first, with filters, live updates (signals) and the age
 * of any stale data. Filters are the caller's state (the URL on the fleet page, local on a group's tab).
 */
export function FleetView(props: {
  teams: readonly string[];
  filters: TeamFilters;
  onFiltersChange: (filters: TeamFilters) => void;
}) {
  const { filters, teams } = props;
  const { status, clusters } = useFleetStatus(teams);
  const inCluster = useServicesInCluster(teams, filters.cluster, status.value);
  const now = useNow();
  const rows = status.value?.rows;
  useRenderedMark((rows?.length ?? 0) > 0);
  const environments = useMemo(() => teamEnvironments(rows ?? []), [rows]);
  const stale = useMemo(
    () =>
      staleClusters(clusters ?? [], now).filter(cluster =>
        environments.includes(cluster.environment),
      ),
    [clusters, now, environments],
  );
  const staleAges = useMemo(() => staleAgeByEnvironment(stale), [stale]);
  const visible = useMemo(
    () => filterAndSortRows(rows ?? [], filters, inCluster),
    [rows, filters, inCluster],
  );

  if (status.error && !status.value) {
    return <ResponseErrorPanel error={status.error} />;
  }
  if (!status.value) {
    return (
      <Box role="status" aria-label="Loading team status">
        <Typography variant="body2">Loading team status…</Typography>
        <Progress />
      </Box>
    );
  }
  if (status.value.rows.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={
          teams.length === 1
            ? 'No GitOps objects found for this team'
            : 'No GitOps objects found for these teams'
        }
        description="None of the components these teams own has labelled GitOps objects (backstage.io/kubernetes-id)."
      />
    );
  }
  const clusterEnvironment = clusters?.find(
    cluster => cluster.name === filters.cluster,
  );
  const clusterColumn =
    clusterEnvironment?.environment ?? clusterEnvironment?.name;
  let shownEnvironments = environments;
  if (filters.environment) shownEnvironments = [filters.environment];
  else if (clusterColumn && environments.includes(clusterColumn)) {
    shownEnvironments = [clusterColumn];
  }
  const broken = status.value.rows.filter(
    row => healthSeverity(row.worstHealth) >= BROKEN,
  ).length;
  return (
    <>
      <LiveUpdatesNotice />
      <StaleNotice clusters={stale} />
      <TeamSummary counts={status.value.counts} />
      <TeamFilterBar
        filters={filters}
        environments={environments}
        clusters={(clusters ?? []).map(cluster => cluster.name)}
        onChange={props.onFiltersChange}
      />
      <Box display="flex" style={{ gap: 16 }}>
        <Typography variant="caption" role="status">
          {visible.length} of {status.value.rows.length} services
        </Typography>
        <Typography variant="caption">{broken} broken now</Typography>
      </Box>
      {filters.cluster && !inCluster ? (
        <Progress />
      ) : (
        <TeamTable
          rows={visible}
          environments={shownEnvironments}
          showTeams={teams.length > 1}
          staleAges={staleAges}
        />
      )}
    </>
  );
}
