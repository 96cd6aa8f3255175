import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Content, InfoCard, Link } from '@backstage/core-components';

/** Where a signed-in person goes from here: their teams' deployments, the catalog, the golden paths. */
export function HomePage() {
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <InfoCard title="Your deployments">
            <Typography variant="body2" paragraph>
              Every service your teams own in every environment, broken ones
              first, live.
            </Typography>
            <Link to="/gitops">Open the GitOps fleet view</Link>
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title="Software catalog">
            <Typography variant="body2" paragraph>
              Components, APIs, systems and the teams that own them.
            </Typography>
            <Link to="/catalog">Browse the catalog</Link>
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title="Create">
            <Typography variant="body2" paragraph>
              Start a new service or database from a golden path: the portal
              opens the pull request.
            </Typography>
            <Link to="/create">Choose a template</Link>
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
