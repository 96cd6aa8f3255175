import type {
  EnvironmentCell,
  HealthStatus,
} from '@gitops-portal/plugin-gitops-common';

/** The Backstage status family a cell is drawn with (StatusOK, StatusWarning, StatusError, StatusPending). */
export type StatusTone = 'ok' | 'warning' | 'error' | 'pending';

const HEALTH_TONE: Record<HealthStatus, StatusTone> = {
  Healthy: 'ok',
  Progressing: 'pending',
  Suspended: 'warning',
  Unknown: 'warning',
  Missing: 'error',
  Degraded: 'error',
};

const TONE_ORDER: StatusTone[] = ['ok', 'pending', 'warning', 'error'];

/**
 * The tone of one service in one environment: its health's, raised to a warning when it is out of sync (a healthy
 * but drifted deployment needs a look, but is not broken).
 */
export function cellTone(cell: Pick<EnvironmentCell, 'health' | 'sync'>) {
  const health = HEALTH_TONE[cell.health];
  const sync: StatusTone = cell.sync === 'OutOfSync' ? 'warning' : 'ok';
  return TONE_ORDER.indexOf(sync) > TONE_ORDER.indexOf(health) ? sync : health;
}
