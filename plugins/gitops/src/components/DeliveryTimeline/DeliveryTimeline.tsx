import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { Delivery } from '@gitops-portal/plugin-gitops-common';
import { gitopsApiRef } from '../../api';
import { useGitopsSignal } from '../../hooks';
import { useRefetchableAsync } from '../../hooks/useRefetchableAsync';
import { formatDuration, shortRevision } from '../shared';
import {
  deliverySteps,
  totalLeadSeconds,
  type DeliveryStep,
} from './deliverySteps';

const useStyles = makeStyles(theme => ({
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(1, 0, 0),
    gap: theme.spacing(0.5),
  },
  step: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.5, 1),
    minWidth: 110,
  },
  done: { borderLeft: `4px solid ${theme.palette.success.main}` },
  waiting: { borderLeft: `4px solid ${theme.palette.warning.main}` },
  pending: { opacity: 0.6 },
  closed: { borderLeft: `4px solid ${theme.palette.text.disabled}` },
  delivery: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
}));

function stepStatus(step: DeliveryStep): string {
  if (step.state === 'done') {
    const at = new Date(step.at!).toLocaleString();
    return step.leadSeconds === undefined
      ? at
      : `+${formatDuration(step.leadSeconds)} · ${at}`;
  }
  if (step.state === 'closed') return 'closed without merge';
  return step.state === 'waiting' ? 'waiting' : 'not yet';
}

function StepView(props: { step: DeliveryStep }) {
  const classes = useStyles();
  const { step } = props;
  const status = stepStatus(step);
  return (
    <li
      className={`${classes.step} ${classes[step.state]}`}
      aria-label={`${step.label}: ${status}`}
    >
      <Typography variant="body2">{step.label}</Typography>
      <Typography variant="caption" color="textSecondary">
        {status}
      </Typography>
    </li>
  );
}

function DeliveryView(props: { delivery: Delivery }) {
  const classes = useStyles();
  const { delivery } = props;
  const steps = useMemo(() => deliverySteps(delivery), [delivery]);
  const total = totalLeadSeconds(delivery);
  return (
    <Box
      className={classes.delivery}
      component="section"
      aria-label={`Delivery of #${delivery.number}`}
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Link to={delivery.url}>
          #{delivery.number} {delivery.title}
        </Link>
        <Chip size="small" label={delivery.verb} />
        <Typography variant="caption">
          {delivery.state}
          {delivery.mergeCommit && ` at ${shortRevision(delivery.mergeCommit)}`}
          {total !== undefined &&
            ` · opened → healthy everywhere in ${formatDuration(total)}`}
        </Typography>
      </Box>
      <ol className={classes.steps} aria-label={`Steps of #${delivery.number}`}>
        {steps.map(step => (
          <StepView key={step.label} step={step} />
        ))}
      </ol>
    </Box>
  );
}

/** Pull requests the portal opened for the entity, each: opened → merged → synced → healthy per environment. */
export function DeliveryTimeline(props: { entity: Entity }) {
  const api = useApi(gitopsApiRef);
  const { entity } = props;
  const ref = useMemo(
    () => ({
      kind: entity.kind,
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
    }),
    [entity],
  );
  const state = useRefetchableAsync(() => api.getDeliveries(ref), [api, ref]);
  // Syncs and health changes arrive as status signals: the timeline advances without reload or polling.
  const refs = useMemo(() => [stringifyEntityRef(entity)], [entity]);
  const shows = useMemo(() => [state.value], [state.value]);
  useGitopsSignal(refs, state.refetch, { shows });

  let body;
  if (state.error && !state.value) {
    body = <ResponseErrorPanel error={state.error} />;
  } else if (!state.value) {
    body = (
      <Box role="status" aria-label="Loading deliveries">
        <Typography variant="body2">Loading deliveries…</Typography>
        <Progress />
      </Box>
    );
  } else if (state.value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No deliveries yet"
        description={`Pull requests the portal opens for this service (create, promote, rollback, claim) appear here${
          state.value.configRepo ? ` from ${state.value.configRepo}` : ''
        }, with each step's lead time.`}
      />
    );
  } else {
    body = state.value.items.map(delivery => (
      <DeliveryView key={delivery.number} delivery={delivery} />
    ));
  }
  return <InfoCard title="Delivery timeline">{body}</InfoCard>;
}
