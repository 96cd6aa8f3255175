import { ClusterProvisioning } from '../schema';
import { compact } from './engineStatus';
import { asNumber, asText, at } from './raw';

/** A count the status reports, as a non-negative integer (anything else reads as absent). */
function count(value: unknown): number | undefined {
  const n = asNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

const flag = (value: unknown) =>
  typeof value === 'boolean' ? value : undefined;

/** Wanted, ready and up-to-date machines of a KubeadmControlPlane or MachineDeployment (v1beta1 status fields). */
function replicasOf(obj: unknown): ClusterProvisioning['replicas'] {
  const desired = count(at(obj, 'spec', 'replicas'));
  if (desired === undefined) return undefined;
  const updated = count(at(obj, 'status', 'updatedReplicas'));
  return {
    desired,
    ready: count(at(obj, 'status', 'readyReplicas')) ?? 0,
    ...(updated !== undefined ? { updated } : {}),
  };
}

/** The API server a Cluster's infrastructure provider set in `spec.controlPlaneEndpoint` (v1beta1 host and port). */
function apiServerUrlOf(obj: unknown): string | undefined {
  const host = asText(at(obj, 'spec', 'controlPlaneEndpoint', 'host'));
  const port = count(at(obj, 'spec', 'controlPlaneEndpoint', 'port'));
  if (!host) return undefined;
  return port ? `https://${host}:${port}` : `https://${host}`;
}

/**
 * How far a Cluster API object has got provisioning, from its v1beta1 status: the Cluster's phase, whether its
 * infrastructure and control plane are ready and its API server; a KubeadmControlPlane's readiness and machines; a
 * MachineDeployment's phase and machines; a Machine's phase and Node.
 *
 * @public
 */
export function clusterApiProvisioning(
  kind: string,
  obj: unknown,
): ClusterProvisioning {
  // compact: a record carries only the fields its kind reported.
  const phase = asText(at(obj, 'status', 'phase'));
  switch (kind) {
    case 'Cluster':
      return compact<ClusterProvisioning>({
        phase,
        infrastructureReady: flag(at(obj, 'status', 'infrastructureReady')),
        controlPlaneReady: flag(at(obj, 'status', 'controlPlaneReady')),
        apiServerUrl: apiServerUrlOf(obj),
      });
    case 'KubeadmControlPlane':
      return compact<ClusterProvisioning>({
        controlPlaneReady: flag(at(obj, 'status', 'ready')),
        replicas: replicasOf(obj),
      });
    case 'MachineDeployment':
      return compact<ClusterProvisioning>({ phase, replicas: replicasOf(obj) });
    default:
      return compact<ClusterProvisioning>({
        phase,
        nodeName: asText(at(obj, 'status', 'nodeRef', 'name')),
      });
  }
}
