import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { EnvironmentCell } from '@gitops-portal/plugin-gitops-common';
import { formatDuration, shortRevision } from '../shared';
import { cellTone, type StatusTone } from './statusTone';

const ICON: Record<StatusTone, typeof StatusOK> = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  pending: StatusPending,
};

/** The Backstage status icon of a tone; decorative, the text beside it says the same. */
export function StatusIcon(props: { tone: StatusTone }) {
  const Icon = ICON[props.tone];
  return <Icon aria-hidden="true" data-tone={props.tone} />;
}

/**
 * One service in one environment: coloured icon, then the same in words (health, sync, revision, stale age), so
 * colour is never the only signal.
 */
export function StatusCell(props: {
  cell: EnvironmentCell;
  /** Seconds since the environment's data went stale, when known. */
  staleAgeSeconds?: number;
}) {
  const { cell } = props;
  return (
    <Typography
      component="span"
      variant="body2"
      style={{ display: 'inline-flex', alignItems: 'baseline', gap: 4 }}
    >
      <StatusIcon tone={cellTone(cell)} />
      <span>{cell.health}</span>
      <span>· {cell.sync}</span>
      {cell.revision ? (
        <Typography component="code" variant="caption">
          · {shortRevision(cell.revision)}
        </Typography>
      ) : null}
      {cell.stale ? (
        <Typography component="span" variant="caption" color="textSecondary">
          · stale
          {props.staleAgeSeconds === undefined
            ? ''
            : ` ${formatDuration(props.staleAgeSeconds)}`}
        </Typography>
      ) : null}
    </Typography>
  );
}
