import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type {
  HealthStatus,
  SyncStatus,
} from '@gitops-portal/plugin-gitops-common';
import { cellTone, type StatusTone } from '../TeamOverview';

const ICON: Record<StatusTone, typeof StatusOK> = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  pending: StatusPending,
};

/**
 * An environment's health and sync: Backstage's coloured status icon (decorative) followed by the same in words,
 * so colour is never the only signal.
 */
export function PipelineStatus(props: {
  health: HealthStatus;
  sync: SyncStatus;
}) {
  const tone = cellTone({ health: props.health, sync: props.sync });
  const Icon = ICON[tone];
  return (
    <Typography
      component="p"
      variant="body2"
      style={{ display: 'flex', alignItems: 'baseline', gap: 4 }}
    >
      <Icon aria-hidden="true" data-tone={tone} />
      <span>{props.health}</span>
      <span>· {props.sync}</span>
    </Typography>
  );
}
