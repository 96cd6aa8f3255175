import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NotificationPayload,
  NotificationSeverity,
} from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { CacheChange, ObjectCache } from '../ObjectCache';
import { SEVERITIES } from './config';
import {
  alertPayload,
  clusterPayload,
  entityTabLink,
  recoveryPayload,
  severityOf,
} from './messages';
import {
  AlertCluster,
  AlertCondition,
  AlertsConfig,
  AlertService,
} from './types';

type ObjectCondition = Exclude<AlertCondition, 'stale'>;

/** One active condition of one object: since when, and which teams were told (empty: not alerted). */
interface Active {
  since: number;
  notified: string[];
}

/** The conditions an object is in now (OutOfSync alerts only after `outOfSyncAfter`). */
function conditionsOf(object: ObjectStatus): ObjectCondition[] {
  const out: ObjectCondition[] = [];
  if (object.health.status === 'Degraded') out.push('degraded');
  const phase = object.operation?.phase;
  if (phase === 'Failed' || phase === 'Error') out.push('syncFailed');
  if (object.sync === 'OutOfSync') out.push('outOfSync');
  return out;
}

const rank = (severity: NotificationSeverity) => SEVERITIES.indexOf(severity);

export interface AlertServiceOptions {
  cache: ObjectCache;
  notifications: NotificationService;
  logger: LoggerService;
  config: AlertsConfig;
  /** The owning team (group ref) of an entity. */
  teamOf(entityRef: string): string | undefined;
  /** The clusters whose staleness is alerted. */
  clusters(): AlertCluster[];
  /** Sharding: only the replica owning a cluster alerts for it. Default: every cluster. */
  isOwnedCluster?: (cluster: string) => boolean;
  /** How often time-based conditions are checked; default 30 s. */
  checkIntervalMs?: number;
  now?: () => number;
}

/**
 * Notifies owning teams of transitions into Degraded, failed syncs, OutOfSync for longer than a
 * threshold and stale clusters, and again when they clear. An object first seen in this process
 * (startup, relist) sets the baseline silently: alerts are about transitions. One alert per object
 * and `minInterval`; a suppressed alert has no recovery either.
 */
export function createAlertService(options: AlertServiceOptions): AlertService {
  const { cache, notifications, logger, config } = options;
  const now = options.now ?? Date.now;
  const owned = options.isOwnedCluster ?? (() => true);
  /** Active conditions by object key; objects without any have no entry. */
  const active = new Map<string, Map<ObjectCondition, Active>>();
  /** When each object was last alerted, for the per-object rate limit. */
  const lastAlert = new Map<string, number>();
  /** Stale clusters and the teams told about them. */
  const staleClusters = new Map<string, string[]>();
  const sending = new Set<Promise<void>>();

  function teamSettings(team: string) {
    const ref = team.toLocaleLowerCase('en-US');
    return (
      config.teams[ref] ?? config.teams[ref.replace(/^group:default\//, '')]
    );
  }

  /** The teams that take an alert of this severity. */
  function recipients(teams: string[], severity: NotificationSeverity) {
    return [...new Set(teams)].filter(team => {
      const settings = teamSettings(team);
      if (settings?.muted) return false;
      return (
        rank(severity) >= rank(settings?.minSeverity ?? config.minSeverity)
      );
    });
  }

  function teamsOf(object: ObjectStatus) {
    return object.entityRefs.flatMap(ref => {
      const team = options.teamOf(ref);
      return team ? [team] : [];
    });
  }

  function send(teams: string[], payload: NotificationPayload) {
    if (teams.length === 0) return;
    const pending = notifications
      .send({ recipients: { type: 'entity', entityRef: teams }, payload })
      .catch(error =>
        logger.warn(
          `gitops: could not send alert '${payload.title}': ${error}`,
        ),
      )
      .finally(() => sending.delete(pending));
    sending.add(pending);
  }

  const linkOf = (object: ObjectStatus) =>
    object.entityRefs[0] ? entityTabLink(object.entityRefs[0]) : undefined;

  function alert(
    object: ObjectStatus,
    condition: ObjectCondition,
    state: Active,
  ) {
    const at = now();
    const last = lastAlert.get(object.key);
    if (last !== undefined && at - last < config.minIntervalMs) return;
    const teams = recipients(teamsOf(object), severityOf(condition));
    if (teams.length === 0) return;
    lastAlert.set(object.key, at);
    state.notified = teams;
    send(teams, alertPayload(object, condition, linkOf(object)));
  }

  function observe(change: CacheChange) {
    const { key, current, previous } = change;
    if (!current || !owned(change.cluster)) {
      active.delete(key); // deleted, or another replica's cluster now
      return;
    }
    const before = active.get(key) ?? new Map<ObjectCondition, Active>();
    const after = new Map<ObjectCondition, Active>();
    for (const condition of conditionsOf(current)) {
      const state = before.get(condition) ?? { since: now(), notified: [] };
      after.set(condition, state);
      // New transitions alert at once; OutOfSync waits for the threshold (check()); a first
      // sighting (no previous) only sets the baseline.
      const fresh = !before.has(condition) && previous !== undefined;
      if (fresh && condition !== 'outOfSync') alert(current, condition, state);
    }
    for (const [condition, state] of before) {
      if (after.has(condition) || state.notified.length === 0) continue;
      send(
        state.notified,
        recoveryPayload(current, condition, linkOf(current)),
      );
    }
    if (after.size > 0) active.set(key, after);
    else active.delete(key);
  }

  function checkOutOfSync(at: number) {
    for (const [key, conditions] of active) {
      const state = conditions.get('outOfSync');
      if (!state || state.notified.length > 0) continue;
      if (at - state.since < config.outOfSyncAfterMs) continue;
      const object = cache.get(key);
      if (object && owned(object.cluster)) alert(object, 'outOfSync', state);
    }
    for (const [key, at0] of lastAlert) {
      if (at - at0 >= config.minIntervalMs) lastAlert.delete(key);
    }
  }

  function checkClusters() {
    const clusters = options.clusters();
    // A cluster handed over to another replica (sharding) is that replica's to alert and recover.
    const listed = new Set(clusters.map(cluster => cluster.name));
    for (const name of [...staleClusters.keys()]) {
      if (!listed.has(name) || !owned(name)) staleClusters.delete(name);
    }
    for (const cluster of clusters) {
      if (!owned(cluster.name)) continue;
      const since = cluster.staleSince();
      const told = staleClusters.get(cluster.name);
      if (since !== undefined && told === undefined) {
        const teams = recipients(
          cache.inCluster(cluster.name).flatMap(teamsOf),
          severityOf('stale'),
        );
        staleClusters.set(cluster.name, teams);
        send(teams, clusterPayload(cluster.name, false, since));
      } else if (since === undefined && told !== undefined) {
        staleClusters.delete(cluster.name);
        send(told, clusterPayload(cluster.name, true));
      }
    }
  }

  function check() {
    checkOutOfSync(now());
    checkClusters();
  }

  const unsubscribe = config.enabled
    ? cache.subscribe(changes => changes.forEach(observe))
    : () => {};
  const timer = config.enabled
    ? setInterval(check, options.checkIntervalMs ?? 30_000)
    : undefined;
  timer?.unref?.();

  return {
    check,
    async stop() {
      unsubscribe();
      clearInterval(timer);
      await Promise.all([...sending]);
    },
  };
}
