import {
  worstHealth,
  type ObjectStatus,
  type SyncStatus,
} from '@gitops-portal/plugin-gitops-common';
import {
  byDeliveryOrder,
  environmentOf,
  isDeliveringObject,
} from '../Deliveries/deliveryTimeline';

const SYNC_ORDER: SyncStatus[] = ['OutOfSync', 'Unknown', 'Synced'];

/** One environment's delivering objects, before the config repo and GitHub are asked about them. */
export interface PipelineColumn {
  environment: string;
  targets: ObjectStatus[];
  sync: SyncStatus;
  health: ObjectStatus['health']['status'];
  /** The config-repo revision its targets are synced at: the first target's with one (a multi-source one's config-repo source's). */
  revision?: string;
  changedAt?: string;
}

/**
 * An entity's delivering objects (Argo CD Applications, Flux Kustomizations and HelmReleases) as pipeline columns:
 * one per environment (an object without one counts under its cluster's name), in `order`; environments the order
 * does not name follow, alphabetically. Each column says its worst sync and health and when it last changed.
 */
export function pipelineColumns(
  objects: ObjectStatus[],
  order: string[],
  /**
   * Whether a source's repoURL is the config repo the environment deploys from: a multi-source Application's
   * revision is that source's.
   */
  isConfigRepo: (repoURL: string, environment: string) => boolean = () => false,
): PipelineColumn[] {
  // A multi-source Application's first revision may be its chart's version: the config-repo source's says the commit.
  const revisionOf = (target: ObjectStatus) =>
    target.sources
      ? target.sources.find(
          source =>
            source.repoURL &&
            isConfigRepo(source.repoURL, environmentOf(target)),
        )?.revision
      : target.revision;
  const byEnvironment = new Map<string, ObjectStatus[]>();
  for (const object of objects.filter(isDeliveringObject)) {
    const environment = environmentOf(object);
    byEnvironment.set(environment, [
      ...(byEnvironment.get(environment) ?? []),
      object,
    ]);
  }
  return [...byEnvironment.keys()]
    .sort(byDeliveryOrder(order))
    .map(environment => {
      const targets = byEnvironment.get(environment)!;
      const changedAt = targets
        .map(target => target.lastTransitionTime)
        .filter((at): at is string => !!at)
        .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
      const revision = targets.map(revisionOf).find(Boolean);
      return {
        environment,
        targets,
        sync:
          SYNC_ORDER.find(status => targets.some(t => t.sync === status)) ??
          'Unknown',
        health: worstHealth(targets.map(t => t.health.status)) ?? 'Unknown',
        ...(revision ? { revision } : {}),
        ...(changedAt ? { changedAt } : {}),
      };
    });
}

/** A Git commit SHA (what a config-repo revision is; a chart version or an OCI digest is not). */
export const isCommitSha = (revision: string | undefined): revision is string =>
  !!revision && /^[0-9a-f]{40}$/.test(revision);
