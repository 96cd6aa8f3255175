import { Health, ObjectStatus } from '../schema';
import { clip } from './engineStatus';
import { health, isHealthStatus } from './health';
import { objectKey } from './normalizeObject';
import { asArray, asText, at, isRecord } from './raw';

/**
 * Argo CD's in-cluster destination: the API server as seen from inside the cluster Argo CD runs in, and the name
 * Argo CD registers that cluster under (Application `spec.destination.server` / `spec.destination.name`).
 */
export const ARGOCD_IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';
export const ARGOCD_IN_CLUSTER_NAME = 'in-cluster';

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
   * `in-cluster`). The portal cannot tell which configured cluster another destination is, so reports about remote
   * destinations are not applied (their objects keep their own rule).
   */
  inCluster: boolean;
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
  const server = asText(at(app, 'spec', 'destination', 'server'));
  const destinationName = asText(at(app, 'spec', 'destination', 'name'));
  const inCluster =
    server === ARGOCD_IN_CLUSTER_SERVER ||
    (server === undefined && destinationName === ARGOCD_IN_CLUSTER_NAME);
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
  return { application: `${namespace}/${name}`, inCluster, resources };
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
