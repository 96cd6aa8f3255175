import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import type {
  PipelineEnvironment,
  PipelineTarget,
} from '@gitops-portal/plugin-gitops-common';
import { liveDiffLink, showsLiveDiff } from '../LiveDiff/LiveDiffToggle';
import { formatDuration, timeSince } from '../shared';
import { PipelineCommitLine } from './PipelineCommitLine';
import { PipelineStatus } from './PipelineStatus';
import {
  imageShortName,
  imageVersionLabel,
  knowsVersion,
} from './pipelineModel';

const useStyles = makeStyles(theme => ({
  column: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1.5),
    minWidth: 220,
    flex: '1 1 0',
  },
  label: {
    display: 'block',
    marginTop: theme.spacing(1),
    color: theme.palette.text.secondary,
  },
}));

/**
 * Where the engine's UI shows a target: its name links there when the cluster has a template. An OutOfSync
 * Application or Kustomization links to its live diff on this tab too.
 */
function TargetLine(props: { target: PipelineTarget }) {
  const { target } = props;
  const engine = target.kind === 'Application' ? 'Argo CD' : 'Flux';
  return (
    <Typography component="li" variant="caption">
      {target.kind}{' '}
      {target.url ? (
        <Link to={target.url} aria-label={`Open ${target.name} in ${engine}`}>
          {target.name}
        </Link>
      ) : (
        target.name
      )}{' '}
      ({target.cluster})
      {target.stale
        ? ` · stale for ${formatDuration(target.stale.ageSeconds)}`
        : ''}
      {showsLiveDiff(target) && (
        <>
          {' · '}
          {/* Underlined: within a line of text, colour alone does not tell a link apart (axe link-in-text-block). */}
          <Link
            to={liveDiffLink(target.key)}
            underline="always"
            aria-label={`Live diff of ${target.kind} ${target.name} in ${target.cluster}`}
          >
            live diff
          </Link>
        </>
      )}
    </Typography>
  );
}

function Section(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography variant="overline" component="h4" className={classes.label}>
        {props.label}
      </Typography>
      {props.children}
    </>
  );
}

/**
 * One environment of the pipeline: its status, what it runs (images with tag and digest, charts), the config-repo
 * commit it is synced at, when it last changed, its delivering objects, and the actions on it.
 */
export function PipelineColumn(props: {
  environment: PipelineEnvironment;
  actions?: ReactNode;
}) {
  const classes = useStyles();
  const { environment: env } = props;
  return (
    <section
      className={classes.column}
      aria-label={`Environment ${env.environment}`}
    >
      <Typography variant="h6" component="h3">
        {env.environment}
      </Typography>
      <PipelineStatus health={env.health} sync={env.sync} />
      {env.changedAt && (
        <Typography variant="caption" color="textSecondary">
          Changed {timeSince(env.changedAt)}
        </Typography>
      )}
      <Section label="Version">
        {knowsVersion(env.version) ? (
          <Box component="ul" m={0} pl={2} aria-label="Running version">
            {env.version.images.map(image => (
              <Typography
                component="li"
                variant="body2"
                key={`${image.name}:${image.tag}@${image.digest}`}
                title={`${image.name}${image.tag ? `:${image.tag}` : ''}${
                  image.digest ? `@${image.digest}` : ''
                }`}
              >
                {imageShortName(image.name)}{' '}
                <code>{imageVersionLabel(image)}</code>
              </Typography>
            ))}
            {env.version.charts.map(chart => (
              <Typography
                component="li"
                variant="body2"
                key={`${chart.name}@${chart.version}`}
              >
                chart {chart.name} <code>{chart.version}</code>
              </Typography>
            ))}
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary">
            Not known
          </Typography>
        )}
      </Section>
      <Section label="Config commit">
        {env.commit ? (
          <PipelineCommitLine commit={env.commit} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No config-repo commit reported
          </Typography>
        )}
      </Section>
      <Section label="Delivered by">
        <Box component="ul" m={0} pl={2}>
          {env.targets.map(target => (
            <TargetLine key={target.key} target={target} />
          ))}
        </Box>
      </Section>
      {props.actions}
    </section>
  );
}
