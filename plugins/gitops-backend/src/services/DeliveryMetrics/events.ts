import type {
  Delivery,
  HistoryEntry,
} from '@gitops-portal/plugin-gitops-common';

/*
 * The events the metrics count, read from the status history of the objects that deliver the config repo (Argo CD
 * Applications, Flux Kustomizations and HelmReleases: their health already sums up what they apply, so a Degraded
 * Deployment is counted once, through its Application) and from the portal's merged pull requests.
 */

/** `group/Kind` of the delivering objects, as object keys (`cluster/group/Kind/namespace/name`) carry them. */
const DELIVERING = [
  'argoproj.io/Application',
  'kustomize.toolkit.fluxcd.io/Kustomization',
  'helm.toolkit.fluxcd.io/HelmRelease',
];

const isDeliveringEntry = (entry: Pick<HistoryEntry, 'key' | 'kind'>) =>
  DELIVERING.some(
    groupKind =>
      groupKind.endsWith(`/${entry.kind}`) &&
      entry.key.includes(`/${groupKind}/`),
  );

/** One object first Synced at a new revision. */
export interface Deployment {
  key: string;
  environment: string;
  /** The revision, or every source's revision of a multi-source Application. */
  revision: string;
  at: number;
  /** Followed, within the failure window and before the next deployment, by Degraded, sync Unknown or a rollback. */
  failed: boolean;
}

/** A delivering object Degraded from `start` until `end` (absent while still Degraded). */
export interface Incident {
  key: string;
  environment: string;
  start: number;
  end?: number;
}

/** One merged pull request that reached an environment: merged → Synced and Healthy at its commit. */
export interface LeadTimeSample {
  environment: string;
  mergedAt: number;
  healthyAt: number;
}

type State = HistoryEntry['to'];

const revisionOf = (state: Partial<State>) =>
  state.revisions?.length ? state.revisions.join(',') : state.revision;

const environmentOf = (entry: HistoryEntry) =>
  entry.environment ?? entry.cluster;

function byObject(history: HistoryEntry[]): Map<string, HistoryEntry[]> {
  const objects = new Map<string, HistoryEntry[]>();
  for (const entry of history) {
    if (!isDeliveringEntry(entry)) continue;
    objects.set(entry.key, [...(objects.get(entry.key) ?? []), entry]);
  }
  for (const entries of objects.values()) {
    // Oldest first; ids break ties of rows written in one batch.
    entries.sort(
      (a, b) =>
        Date.parse(a.at) - Date.parse(b.at) || Number(a.id) - Number(b.id),
    );
  }
  return objects;
}

/** What follows a deployment and fails it, if it comes within the window and before the next deployment. */
const isFailureSignal = (state: State) =>
  state.health === 'Degraded' || state.sync === 'Unknown';

/**
 * The deployments of each delivering object. The first row of an object with no `from` (the portal's first sight of
 * it) is a baseline, not a deployment. A deployment fails when, within `failureWindowMs` and before the next one, the
 * object turns Degraded or its sync Unknown (Argo CD's comparison or sync failed), or when the next one is a rollback:
 * back to a revision the object ran before, or the revision a portal rollback pull request delivered.
 */
export function deploymentsFromHistory(
  history: HistoryEntry[],
  options: { failureWindowMs: number; rollbackRevisions?: Set<string> },
): Deployment[] {
  const { failureWindowMs, rollbackRevisions: rollbacks = new Set() } = options;
  const deployments: Deployment[] = [];
  for (const [key, entries] of byObject(history)) {
    const ofObject: Array<Deployment & { signals: number[] }> = [];
    const seen = new Set<string>();
    const first = entries[0];
    let deployed =
      first.from.sync === 'Synced' ? revisionOf(first.from) : undefined;
    if (deployed) seen.add(deployed);
    for (const entry of entries) {
      const at = Date.parse(entry.at);
      const revision = revisionOf(entry.to);
      const baseline = entry === first && Object.keys(entry.from).length === 0;
      if (entry.to.sync === 'Synced' && revision && revision !== deployed) {
        if (!baseline) {
          const rollback =
            seen.has(revision) || rollbacks.has(`${key}@${revision}`);
          const previous = ofObject[ofObject.length - 1];
          if (rollback && previous) previous.signals.push(at);
          ofObject.push({
            key,
            environment: environmentOf(entry),
            revision,
            at,
            failed: false,
            signals: [],
          });
        }
        deployed = revision;
        seen.add(revision);
      }
      const current = ofObject[ofObject.length - 1];
      if (current && isFailureSignal(entry.to) && at >= current.at) {
        current.signals.push(at);
      }
    }
    for (const { signals, ...deployment } of ofObject) {
      deployments.push({
        ...deployment,
        failed: signals.some(at => at - deployment.at <= failureWindowMs),
      });
    }
  }
  return deployments.sort((a, b) => a.at - b.at);
}

/** Each time a delivering object turned Degraded, and when it was first Healthy again. */
export function incidentsFromHistory(history: HistoryEntry[]): Incident[] {
  const incidents: Incident[] = [];
  for (const [key, entries] of byObject(history)) {
    let open: Incident | undefined;
    for (const entry of entries) {
      const at = Date.parse(entry.at);
      if (!open && entry.to.health === 'Degraded') {
        open = { key, environment: environmentOf(entry), start: at };
        incidents.push(open);
      } else if (open && entry.to.health === 'Healthy') {
        open.end = at;
        open = undefined;
      }
    }
  }
  return incidents.sort((a, b) => a.start - b.start);
}

/** Per merged pull request and environment it reached: merged → the environment Synced and Healthy at its commit. */
export function leadTimesFromDeliveries(
  deliveries: Delivery[],
): LeadTimeSample[] {
  return deliveries.flatMap(delivery =>
    delivery.mergedAt
      ? delivery.environments.flatMap(environment =>
          environment.healthyAt
            ? [
                {
                  environment: environment.environment,
                  mergedAt: Date.parse(delivery.mergedAt!),
                  healthyAt: Date.parse(environment.healthyAt),
                },
              ]
            : [],
        )
      : [],
  );
}

/** `key@revision` of what portal rollback pull requests delivered: a deployment at one of them is a rollback. */
export function rollbackRevisions(deliveries: Delivery[]): Set<string> {
  return new Set(
    deliveries
      .filter(delivery => delivery.verb === 'rollback')
      .flatMap(delivery =>
        delivery.environments.flatMap(environment =>
          environment.targets.flatMap(target =>
            target.syncedRevision
              ? [`${target.key}@${target.syncedRevision}`]
              : [],
          ),
        ),
      ),
  );
}
