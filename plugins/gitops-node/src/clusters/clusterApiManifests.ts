import {
  ClusterRequest,
  KUBERNETES_ID_LABEL,
} from '@gitops-portal/plugin-gitops-common';
import {
  ClusterApiProvider,
  CrossplaneClusterProvider,
} from './clusterRequestConfig';

/**
 * Cluster API's label naming an object's cluster (its MachineDeployment selector and machines carry it).
 *
 * @public
 */
export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
const CLUSTER_API_VERSION = 'cluster.x-k8s.io/v1beta1';

/** Objects of one request: the portal maps them to the cluster's catalog entity by the Kubernetes id label. */
const metadataOf = (
  request: ClusterRequest,
  name: string,
  namespace: string,
) => ({
  name,
  namespace,
  labels: {
    [KUBERNETES_ID_LABEL]: request.name,
    [CLUSTER_NAME_LABEL]: request.name,
    team: request.owner,
  },
});

/**
 * The names Cluster API's objects of a request get (and the kubeconfig Secret CAPI writes for it).
 *
 * @public
 */
export const clusterApiNames = (name: string) => ({
  controlPlane: `${name}-control-plane`,
  workers: `${name}-md-0`,
  kubeconfigSecret: `${name}-kubeconfig`,
});

/**
 * A Cluster API cluster with the v1beta1 fields its quick-start documents: the `Cluster` (references to its
 * infrastructure cluster and control plane), the provider's infrastructure cluster, a control plane
 * (KubeadmControlPlane unless configured) with its machine template, and one MachineDeployment of workers with its
 * machine template and bootstrap config template.
 *
 * @public
 */
export function clusterApiObjects(
  request: ClusterRequest,
  provider: ClusterApiProvider,
  namespace: string,
): Record<string, unknown>[] {
  const names = clusterApiNames(request.name);
  const meta = (name: string) => metadataOf(request, name, namespace);
  const { infrastructure, controlPlane, bootstrap } = provider;
  const infraRef = (kind: string, name: string) => ({
    apiVersion: infrastructure.apiVersion,
    kind,
    name,
  });
  const machineTemplate = (name: string) => ({
    apiVersion: infrastructure.apiVersion,
    kind: infrastructure.machineTemplateKind,
    metadata: meta(name),
    spec: { template: { spec: infrastructure.machineSpec } },
  });
  const cluster = {
    apiVersion: CLUSTER_API_VERSION,
    kind: 'Cluster',
    metadata: meta(request.name),
    spec: {
      ...(provider.podCidrBlocks
        ? { clusterNetwork: { pods: { cidrBlocks: provider.podCidrBlocks } } }
        : {}),
      infrastructureRef: infraRef(infrastructure.clusterKind, request.name),
      controlPlaneRef: {
        apiVersion: controlPlane.apiVersion,
        kind: controlPlane.kind,
        name: names.controlPlane,
      },
    },
  };
  return [
    cluster,
    {
      apiVersion: infrastructure.apiVersion,
      kind: infrastructure.clusterKind,
      metadata: meta(request.name),
      spec: infrastructure.clusterSpec,
    },
    machineTemplate(names.controlPlane),
    {
      apiVersion: controlPlane.apiVersion,
      kind: controlPlane.kind,
      metadata: meta(names.controlPlane),
      spec: {
        replicas: request.controlPlaneReplicas,
        version: request.kubernetesVersion,
        machineTemplate: {
          infrastructureRef: infraRef(
            infrastructure.machineTemplateKind,
            names.controlPlane,
          ),
        },
        kubeadmConfigSpec: {},
      },
    },
    machineTemplate(names.workers),
    {
      apiVersion: bootstrap.apiVersion,
      kind: bootstrap.configTemplateKind,
      metadata: meta(names.workers),
      spec: { template: { spec: {} } },
    },
    {
      apiVersion: CLUSTER_API_VERSION,
      kind: 'MachineDeployment',
      metadata: meta(names.workers),
      spec: {
        clusterName: request.name,
        replicas: request.workerReplicas,
        selector: { matchLabels: { [CLUSTER_NAME_LABEL]: request.name } },
        template: {
          metadata: { labels: { [CLUSTER_NAME_LABEL]: request.name } },
          spec: {
            clusterName: request.name,
            version: request.kubernetesVersion,
            bootstrap: {
              configRef: {
                apiVersion: bootstrap.apiVersion,
                kind: bootstrap.configTemplateKind,
                name: names.workers,
              },
            },
            infrastructureRef: infraRef(
              infrastructure.machineTemplateKind,
              names.workers,
            ),
          },
        },
      },
    },
  ];
}

/**
 * A Crossplane claim of the configured cluster XRD: its static parameters, the request's Kubernetes version and
 * worker count under the configured parameter names, and the connection secret (the kubeconfig) named as Cluster
 * API would name it, so the registration is the same for both.
 *
 * @public
 */
export function crossplaneClusterClaim(
  request: ClusterRequest,
  provider: CrossplaneClusterProvider,
  namespace: string,
): Record<string, unknown> {
  const { claim } = provider;
  return {
    apiVersion: claim.apiVersion,
    kind: claim.kind,
    metadata: metadataOf(request, request.name, namespace),
    spec: {
      parameters: {
        ...claim.parameters,
        [claim.parameterNames.kubernetesVersion]: request.kubernetesVersion,
        [claim.parameterNames.workerReplicas]: request.workerReplicas,
      },
      writeConnectionSecretToRef: {
        name: clusterApiNames(request.name).kubeconfigSecret,
      },
    },
  };
}
