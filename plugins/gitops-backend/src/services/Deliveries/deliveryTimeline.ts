import type {
  DeliveryEnvironment,
  DeliveryTarget,
  HistoryEntry,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';

/** The objects that deliver the config repo to a cluster; Rollouts and Crossplane objects follow from them. */
const DELIVERING_KINDS = new Set([
  'argocd/Application',
  'flux/Kustomization',
  'flux/HelmRelease',
]);

/** A preview's object (one per pull request, `preview` set) delivers no environment of the pipeline or the timeline. */
export const isDeliveringObject = (object: ObjectStatus) =>
  DELIVERING_KINDS.has(`${object.engine}/${object.kind}`) && !object.preview;

/** One observed state of an object: a history row, or the current status as the last word. */
interface Observation {
  sync: string;
  health: string;
  revision?: string;
  /** Every source's revision of a multi-source Application, in spec order. */
  revisions?: string[];
  at: string;
}

function observationsOf(
  target: ObjectStatus,
  history: HistoryEntry[],
): Observation[] {
  const rows = history
    .filter(entry => entry.key === target.key)
    .map(entry => ({ ...entry.to, at: entry.at }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  // History may be pruned or recorded before the entity mapping existed: the current status closes the list.
  rows.push({
    sync: target.sync,
    health: target.health.status,
    revision: target.revision,
    revisions: target.sources?.map(source => source.revision ?? ''),
    at: target.lastTransitionTime ?? target.observedAt,
  });
  return rows;
}

/**
 * The revisions an observation is judged by: its revision, or for a multi-source Application the revisions of
 * the sources in the repo the pull request changed (its remote Helm chart's version says nothing of the merge).
 * Rows recorded before revisions were kept have only the first source's revision: that one is tried.
 */
function revisionsToJudge(
  target: ObjectStatus,
  observation: Observation,
  isChangedRepo: (repoURL: string) => boolean,
): string[] {
  const { revision, revisions } = observation;
  if (!target.sources || !revisions) return revision ? [revision] : [];
  const changed = target.sources.flatMap((source, index) =>
    source.repoURL && isChangedRepo(source.repoURL) ? [index] : [],
  );
  // No source names the repo (a mirror's URL, say): every revision is tried; `contains` knows only its commits.
  const indices = changed.length > 0 ? changed : revisions.map((_, i) => i);
  return indices.map(index => revisions[index]).filter(Boolean);
}

/**
 * When one object was first Synced at a revision containing the merge commit, then Healthy at such a revision
 * (a multi-source Application: the revision of its source in the changed repo).
 */
async function targetTimeline(
  target: ObjectStatus,
  history: HistoryEntry[],
  contains: (revision: string) => Promise<boolean>,
  isChangedRepo: (repoURL: string) => boolean,
): Promise<DeliveryTarget> {
  const result: DeliveryTarget = {
    cluster: target.cluster,
    key: target.key,
    kind: target.kind,
    name: target.name,
  };
  for (const observation of observationsOf(target, history)) {
    let revision: string | undefined;
    for (const candidate of revisionsToJudge(
      target,
      observation,
      isChangedRepo,
    )) {
      if (await contains(candidate)) {
        revision = candidate;
        break;
      }
    }
    if (!revision) continue;
    if (!result.syncedAt && observation.sync === 'Synced') {
      result.syncedAt = observation.at;
      result.syncedRevision = revision;
    }
    if (result.syncedAt && observation.health === 'Healthy') {
      result.healthyAt = observation.at;
      break;
    }
  }
  return result;
}

/** An environment's place in delivery order (`order`); environments the order does not name come after. */
export const deliveryRank = (order: string[]) => (environment: string) => {
  const index = order.indexOf(environment);
  return index >= 0 ? index : order.length;
};

/** Compares environments by delivery order (`order`), the ones it does not name after them by name. */
export const byDeliveryOrder = (order: string[]) => {
  const rank = deliveryRank(order);
  return (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
};

/** The environment an object counts under: its own, else its cluster's name (the pipeline's and the timeline's). */
export const environmentOf = (object: ObjectStatus) =>
  object.environment ?? object.cluster;

/** The latest of the targets' times, or undefined until every target has one (an environment is done when all are). */
function whenAll(times: Array<string | undefined>): string | undefined {
  if (times.length === 0 || times.some(time => !time)) return undefined;
  return times.reduce((latest, time) =>
    Date.parse(time!) > Date.parse(latest!) ? time : latest,
  );
}

/**
 * Per environment (in delivery order, `environments()`), when the merge commit reached every delivering object of the
 * entity: first Synced at it (or at a later commit containing it, as Argo CD and Flux may skip commits), then Healthy.
 * A multi-source Application is judged by its sources in the changed repo.
 */
export async function deliveryEnvironments(options: {
  objects: ObjectStatus[];
  history: HistoryEntry[];
  contains: (revision: string) => Promise<boolean>;
  /** Whether a source's repoURL is the repo the pull request changed (multi-source Applications). */
  isChangedRepo: (repoURL: string) => boolean;
  changedEnvironment: (environment: string) => boolean;
  /** The environments in delivery order (`environments()`); others follow in the objects' order. */
  environments: string[];
}): Promise<DeliveryEnvironment[]> {
  const { history, contains, isChangedRepo, changedEnvironment, environments } =
    options;
  const rank = deliveryRank(environments);
  const targets = options.objects
    .filter(isDeliveringObject)
    .sort((a, b) => rank(environmentOf(a)) - rank(environmentOf(b)));
  const byEnvironment = new Map<string, ObjectStatus[]>();
  for (const target of targets) {
    const environment = environmentOf(target);
    byEnvironment.set(environment, [
      ...(byEnvironment.get(environment) ?? []),
      target,
    ]);
  }
  return Promise.all(
    [...byEnvironment].map(async ([environment, objects]) => {
      const timelines = await Promise.all(
        objects.map(object =>
          targetTimeline(object, history, contains, isChangedRepo),
        ),
      );
      const syncedAt = whenAll(timelines.map(t => t.syncedAt));
      const healthyAt = whenAll(timelines.map(t => t.healthyAt));
      return {
        environment,
        changed: changedEnvironment(environment),
        ...(syncedAt ? { syncedAt } : {}),
        ...(healthyAt ? { healthyAt } : {}),
        targets: timelines,
      };
    }),
  );
}
