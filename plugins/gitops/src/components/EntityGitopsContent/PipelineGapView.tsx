import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowForwardIcon from '@material-ui/icons/ArrowForward';
import type { PipelineGap } from '@gitops-portal/plugin-gitops-common';
import { PipelineCommitLine } from './PipelineCommitLine';
import { gapSummary, imageShortName } from './pipelineModel';

const useStyles = makeStyles(theme => ({
  gap: {
    flex: '0 1 200px',
    minWidth: 160,
    padding: theme.spacing(1),
    alignSelf: 'stretch',
    borderTop: `2px dashed ${theme.palette.divider}`,
  },
}));

/** Between two adjacent environments: the versions that differ and the config-repo commits not promoted yet. */
export function PipelineGapView(props: { gap: PipelineGap }) {
  const classes = useStyles();
  const { gap } = props;
  const summary = gapSummary(gap);
  return (
    <aside
      className={classes.gap}
      aria-label={`From ${gap.from} to ${gap.to}: ${summary}`}
    >
      <Typography
        variant="body2"
        component="p"
        style={{ display: 'flex', alignItems: 'center', gap: 4 }}
      >
        <ArrowForwardIcon fontSize="small" aria-hidden="true" />
        {summary}
      </Typography>
      {gap.versionChanges.length > 0 && (
        <Box component="ul" m={0} pl={2}>
          {gap.versionChanges.map(change => (
            <Typography
              component="li"
              variant="caption"
              key={`${change.kind}/${change.name}`}
            >
              {change.kind === 'image'
                ? imageShortName(change.name)
                : `chart ${change.name}`}
              : <code>{change.from ?? 'none'}</code> →{' '}
              <code>{change.to ?? 'none'}</code>
            </Typography>
          ))}
        </Box>
      )}
      {gap.commitsNotPromoted && gap.commitsNotPromoted.length > 0 && (
        <Box
          component="ul"
          m={0}
          pl={2}
          aria-label={`Commits in ${gap.from} not yet in ${gap.to}`}
        >
          {gap.commitsNotPromoted.map(commit => (
            <li key={commit.sha}>
              <PipelineCommitLine commit={commit} quiet />
            </li>
          ))}
        </Box>
      )}
      {gap.commitsUnavailable && (
        <Typography variant="caption" color="textSecondary" component="p">
          Commits not compared: {gap.commitsUnavailable}
        </Typography>
      )}
    </aside>
  );
}
