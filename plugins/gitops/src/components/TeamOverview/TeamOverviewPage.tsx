import { useCallback, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useSearchParams } from 'react-router-dom';
import { FleetView } from './FleetView';
import {
  fleetSearchParams,
  parseFleetParams,
  type FleetState,
} from './fleetParams';
import type { TeamFilters } from './teamRows';
import { TeamPicker } from './TeamPicker';
import { useMyTeams } from './useMyTeams';

const teamNames = (refs: readonly string[]) =>
  refs.map(ref => parseEntityRef(ref).name).join(', ');

/**
 * The fleet: every service of the picked teams (by default the signed-in user's teams) × environments, broken
 * now first. Teams and filters live in the query string, so a view can be linked.
 */
export function FleetPageContent() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseFleetParams(params), [params]);
  const myTeams = useMyTeams();
  const update = useCallback(
    (next: FleetState) => setParams(fleetSearchParams(next), { replace: true }),
    [setParams],
  );
  const onFiltersChange = useCallback(
    (filters: TeamFilters) => update({ ...state, filters }),
    [state, update],
  );

  const picked = state.teams.length > 0;
  // Teams picked in the URL need not wait for the user's own.
  if (myTeams.error && !picked) {
    return <ResponseErrorPanel error={myTeams.error} />;
  }
  if (!myTeams.value && !picked) return <Progress />;
  const mine = myTeams.value ?? [];
  const teams = picked ? state.teams : mine;
  // On a Paper (white), not the page background, so secondary text keeps WCAG AA contrast.
  return (
    <Paper>
      <Box p={2}>
        <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
          <TeamPicker
            value={teams}
            onChange={next => update({ ...state, teams: next })}
          />
          {picked && mine.length > 0 ? (
            <Button
              variant="outlined"
              onClick={() => update({ ...state, teams: [] })}
            >
              My teams
            </Button>
          ) : null}
          {!picked && mine.length > 0 ? (
            <Typography variant="body2">
              Your teams: {teamNames(mine)}
            </Typography>
          ) : null}
        </Box>
        {teams.length > 0 ? (
          <FleetView
            teams={teams}
            filters={state.filters}
            onFiltersChange={onFiltersChange}
          />
        ) : (
          <Typography variant="body1">
            You are not a member of any team: pick teams to see their services.
          </Typography>
        )}
      </Box>
    </Paper>
  );
}

/** The legacy-system /gitops page: header plus the fleet. */
export function TeamOverviewPage() {
  return (
    <Page themeId="tool">
      <Header
        title="GitOps"
        subtitle="Status of every service your teams own"
      />
      <Content>
        <FleetPageContent />
      </Content>
    </Page>
  );
}
