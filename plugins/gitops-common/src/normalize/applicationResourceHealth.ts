import { Health, ObjectStatus } from '../schema';
import { clip } from './engineStatus';
import { health, isHealthStatus } from './health';
import { objectKey } from './normalizeObject';
import { asArray, asText, at, isRecord } from './raw';

/**
 * Argo CD's in-cluster destination: the API server as seen from inside the cluster Argo CD runs in, and the name
 * Argo CD registers that cluster under (Application `spec.destination.server` / `spec.destination.name`).
 *
 * @public
 */
export const ARGOCD_IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';
/**
 * The name Argo CD registers its in-cluster destination under.
 *
 * @public
 */
export const ARGOCD_IN_CLUSTER_NAME = 'in-cluster';

/**
 * Where an Application deploys (`spec.destination`): Argo CD's in-cluster destination, or a cluster named by its
 * API server URL (`server`, normalised by normalizeClusterServer) or by the name it is registered under (`name`).
 * Argo CD reads `server` when both are set.
 *
 * @public
 */
export type ArgoCdDestination =
  | { inCluster: true }
  | { inCluster: false; server?: string; name?: string };

/**
 * A Kubernetes API server URL in one spelling, so that an Application's `destination.server` and a cluster's
 * configured URL compare equal: lower-case scheme and host, no default port (443, 80), no trailing slash. A value
 * that is not a URL only loses its trailing slashes.
 *
 * @public
 */
export function normalizeClusterServer(server: string): string {
  const trimmed = server.trim();
  try {
    const url = new URL(trimmed);
    return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return trimmed.replace(/\/+$/, '');
  }
}

/** One object for every in-cluster destination (a watcher keeps one per Application). */
const IN_CLUSTER: ArgoCdDestination = Object.freeze({ inCluster: true });

/**
 * An Application's destination. Never throws.
 *
 * @public
 */
export function argoCdDestination(app: unknown): ArgoCdDestination {
  const server = asText(at(app, 'spec', 'destination', 'server'));
  const name = asText(at(app, 'spec', 'destination', 'name'));
  if (server !== undefined) {
    const normalized = normalizeClusterServer(server);
    return normalized === ARGOCD_IN_CLUSTER_SERVER
      ? IN_CLUSTER
      : { inCluster: false, server: normalized };
  }
  if (name === ARGOCD_IN_CLUSTER_NAME) return IN_CLUSTER;
  return name === undefined ? { inCluster: false } : { inCluster: false, name };
}

/**
 * The health one Argo CD Application reports for the objects it manages (`status.resources[].health`, computed by
 * Argo CD with its built-in checks and the custom health of its `argocd-cm`).
 *
 * @public
 */
export interface ApplicationHealthReport {
  /** `namespace/name` of the Application. */
  application: string;
  /**
   * The managed objects live in the Application's own cluster (destination `https://kubernetes.default.svc` or
   * `in-cluster`). Otherwise `destination` names the cluster; the keys of `resources` are in the Application's
   * cluster all the same (the backend maps a destination to one of its clusters, see `argoCdDestination`).
   */
  inCluster: boolean;
  /** Where the Application deploys. */
  destination: ArgoCdDestination;
  /** Object key (`cluster/group/kind/namespace/name`, in the Application's cluster) → reported health. */
  resources: Map<string, Health>;
}

/**
 * What an Application reports about the health of the objects it manages. Resources without a health (Argo CD has
 * no check for their kind, e.g. ConfigMap) are left out: for them the object's own rule applies. Never throws.
 *
 * @public
 */
export function applicationHealthReport(
  app: unknown,
  cluster: string,
): ApplicationHealthReport {
  const namespace = asText(at(app, 'metadata', 'namespace')) ?? '';
  const name = asText(at(app, 'metadata', 'name')) ?? '';
  const destination = argoCdDestination(app);
  const resources = new Map<string, Health>();
  for (const entry of asArray(at(app, 'status', 'resources')) ?? []) {
    if (!isRecord(entry)) continue;
    const kind = asText(entry.kind);
    const resourceName = asText(entry.name);
    const status = at(entry, 'health', 'status');
    if (!kind || !resourceName || !isHealthStatus(status)) continue;
    const key = objectKey({
      cluster,
      apiGroup: asText(entry.group) ?? '',
      kind,
      namespace: asText(entry.namespace),
      name: resourceName,
    });
    resources.set(
      key,
      health(status, clip(asText(at(entry, 'health', 'message')))),
    );
  }
  return {
    application: `${namespace}/${name}`,
    inCluster: destination.inCluster,
    destination,
    resources,
  };
}

/**
 * A record with the health an Application reported for it, marked as such.
 *
 * @public
 */
export function withReportedHealth(
  record: ObjectStatus,
  reported: Health,
): ObjectStatus {
  return { ...record, health: reported, healthSource: 'argocd-application' };
}
