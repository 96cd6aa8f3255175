import Chip from '@material-ui/core/Chip';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type {
  HealthStatus,
  SyncStatus,
} from '@gitops-portal/plugin-gitops-common';

type Tone = 'ok' | 'warn' | 'error' | 'neutral';

const HEALTH_TONE: Record<HealthStatus, Tone> = {
  Healthy: 'ok',
  Progressing: 'neutral',
  Suspended: 'warn',
  Missing: 'error',
  Degraded: 'error',
  Unknown: 'warn',
};

const SYNC_TONE: Record<SyncStatus, Tone> = {
  Synced: 'ok',
  OutOfSync: 'warn',
  Unknown: 'neutral',
};

const useStyles = makeStyles((theme: Theme) => ({
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  warn: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  error: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  neutral: {},
}));

/** A health status chip, coloured by how bad the status is (the message is shown beside it). */
export function HealthChip(props: { status: HealthStatus; count?: number }) {
  const classes = useStyles();
  const label =
    props.count === undefined
      ? props.status
      : `${props.status}: ${props.count}`;
  return (
    <Chip
      size="small"
      label={label}
      className={classes[HEALTH_TONE[props.status]]}
      data-testid="health-chip"
    />
  );
}

export function SyncChip(props: { status: SyncStatus; count?: number }) {
  const classes = useStyles();
  const label =
    props.count === undefined
      ? props.status
      : `${props.status}: ${props.count}`;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={label}
      className={classes[SYNC_TONE[props.status]]}
      data-testid="sync-chip"
    />
  );
}
