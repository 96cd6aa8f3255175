import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Content, Header, Page } from '@backstage/core-components';
import { useSearchParams } from 'react-router-dom';
import { TeamOverview } from './TeamOverview';
import { TeamPicker } from './TeamPicker';

/** Pick a team (kept in `?team=` so the view can be linked), see its services. */
export function TeamOverviewWithPicker() {
  const [params, setParams] = useSearchParams();
  const team = params.get('team') ?? undefined;
  return (
    <>
      <Box mb={2}>
        <TeamPicker value={team} onChange={ref => setParams({ team: ref })} />
      </Box>
      {team ? (
        <TeamOverview teamRef={team} />
      ) : (
        <Typography variant="body1">
          Pick a team to see its services.
        </Typography>
      )}
    </>
  );
}

/** The legacy-system /gitops page: header plus the team overview with picker. */
export function TeamOverviewPage() {
  return (
    <Page themeId="tool">
      <Header title="GitOps" subtitle="Status of every service a team owns" />
      <Content>
        <TeamOverviewWithPicker />
      </Content>
    </Page>
  );
}
