import { NotificationSeverity } from '@backstage/plugin-notifications-common';

/** Why an object or cluster is alerted. */
export type AlertCondition = 'degraded' | 'syncFailed' | 'outOfSync' | 'stale';

/** Per-team overrides of `gitops.alerts.teams.<group name>`. */
export interface TeamAlertSettings {
  /** No notifications at all for the team. */
  muted: boolean;
  /** Alerts below this severity are not sent to the team (recoveries follow their alert). */
  minSeverity?: NotificationSeverity;
}

/** `gitops.alerts`, read once at startup. */
export interface AlertsConfig {
  enabled: boolean;
  /** An object OutOfSync for longer than this is alerted. */
  outOfSyncAfterMs: number;
  /** At most one alert per object in this interval (recoveries are not limited). */
  minIntervalMs: number;
  /** Default minimum severity for every team. */
  minSeverity: NotificationSeverity;
  /** Overrides by group name (`team-a` for `group:default/team-a`) or full group ref. */
  teams: Record<string, TeamAlertSettings>;
}

/** A cluster as the alert service sees it (a ClusterWatcher fits). */
export interface AlertCluster {
  name: string;
  /** When the cluster's objects turned stale (ms epoch), undefined while it is in contact. */
  staleSince(): number | undefined;
}

/** Watches cache transitions and cluster staleness; notifies owning teams. */
export interface AlertService {
  /** Checks the time-based conditions (OutOfSync too long, stale clusters) now; also runs on a timer. */
  check(): void;
  /** Stops the timer and waits for notifications being sent. */
  stop(): Promise<void>;
}
