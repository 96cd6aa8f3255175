import { useEffect, useMemo, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTeamStatus } from '../../hooks';
import { TeamFilterBar } from './TeamFilterBar';
import { filterAndSortRows, NO_FILTERS, teamEnvironments } from './teamRows';
import { TeamSummary } from './TeamSummary';
import { TeamTable } from './TeamTable';

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

/** Every service a team owns × environments, broken now first. */
export function TeamOverview(props: { teamRef: string }) {
  const state = useTeamStatus(props.teamRef);
  const [filters, setFilters] = useState(NO_FILTERS);
  const rows = state.value?.rows;
  useRenderedMark((rows?.length ?? 0) > 0);
  const environments = useMemo(() => teamEnvironments(rows ?? []), [rows]);
  const visible = useMemo(
    () => filterAndSortRows(rows ?? [], filters),
    [rows, filters],
  );

  if (state.error && !state.value) {
    return <ResponseErrorPanel error={state.error} />;
  }
  if (!state.value) {
    return (
      <Box role="status" aria-label="Loading team status">
        <Typography variant="body2">Loading team status…</Typography>
        <Progress />
      </Box>
    );
  }
  if (state.value.rows.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No GitOps objects found for this team"
        description="None of the components this team owns has labelled GitOps objects (backstage.io/kubernetes-id)."
      />
    );
  }
  const shownEnvironments = filters.environment
    ? [filters.environment]
    : environments;
  return (
    <InfoCard title="GitOps status">
      <TeamSummary counts={state.value.counts} />
      <TeamFilterBar
        filters={filters}
        environments={environments}
        onChange={setFilters}
      />
      <Typography variant="caption" role="status">
        {visible.length} of {state.value.rows.length} services
      </Typography>
      <TeamTable rows={visible} environments={shownEnvironments} />
    </InfoCard>
  );
}
