import { InputError } from '@backstage/errors';
import {
  CLUSTER_ENVIRONMENT_KEY,
  ClusterRequest,
  KUBERNETES_ID_LABEL,
  REQUESTED_CLUSTER_ENTITY_TYPE,
} from '@gitops-portal/plugin-gitops-common';
import { stringify } from 'yaml';
import { ConfigRepoChange } from '../changes/types';
import { ConfigRepoReader } from '../configRepo/types';
import { yamlDocs } from '../manifests/yamlText';
import {
  clusterApiObjects,
  crossplaneClusterClaim,
} from './clusterApiManifests';
import {
  ClusterProvider,
  ClusterRequestSettings,
} from './clusterRequestConfig';
import { clusterRegistration } from './clusterRegistration';

/**
 * The config-repo folder of one request.
 *
 * @public
 */
export const clusterRequestDir = (
  settings: ClusterRequestSettings,
  name: string,
) => `${settings.path}${name}/`;

/**
 * The config-repo file of one request's catalog entity.
 *
 * @public
 */
export const clusterCatalogFile = (
  settings: ClusterRequestSettings,
  name: string,
) => `${settings.catalogPath}${name}.yaml`;

function withinBounds(
  field: string,
  value: number,
  bounds: { min: number; max: number },
) {
  if (value < bounds.min || value > bounds.max) {
    throw new InputError(
      `${field} must be between ${bounds.min} and ${bounds.max} (gitops.clusterRequest.${field})`,
    );
  }
}

/**
 * The configured provider of a request, after checking the request against `gitops.clusterRequest` (the
 * provider exists, the version is offered, machine counts are within bounds). An InputError says which.
 *
 * @public
 */
export function checkClusterRequest(
  request: ClusterRequest,
  settings: ClusterRequestSettings,
): ClusterProvider {
  const provider = Object.prototype.hasOwnProperty.call(
    settings.providers,
    request.provider,
  )
    ? settings.providers[request.provider]
    : undefined;
  if (!provider) {
    throw new InputError(
      `Unknown provider ${
        request.provider
      }: gitops.clusterRequest.providers offers ${Object.keys(
        settings.providers,
      ).join(', ')}`,
    );
  }
  if (!settings.kubernetesVersions.includes(request.kubernetesVersion)) {
    throw new InputError(
      `Kubernetes ${
        request.kubernetesVersion
      } is not offered: gitops.clusterRequest.kubernetesVersions is ${settings.kubernetesVersions.join(
        ', ',
      )}`,
    );
  }
  withinBounds(
    'workerReplicas',
    request.workerReplicas,
    settings.workerReplicas,
  );
  if (provider.type === 'cluster-api') {
    withinBounds(
      'controlPlaneReplicas',
      request.controlPlaneReplicas,
      settings.controlPlaneReplicas,
    );
    // A kubeadm control plane with stacked etcd keeps quorum only with an odd member count.
    if (request.controlPlaneReplicas % 2 === 0) {
      throw new InputError('controlPlaneReplicas must be odd (etcd quorum)');
    }
  }
  return provider;
}

/** The catalog Resource of the cluster: the portal shows the provisioning objects (Kubernetes id label) on it. */
function catalogEntity(request: ClusterRequest) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: request.name,
      description: `Kubernetes cluster for ${request.environment} (${request.provider}), requested through the portal`,
      annotations: {
        [KUBERNETES_ID_LABEL]: request.name,
        [CLUSTER_ENVIRONMENT_KEY]: request.environment,
      },
    },
    spec: {
      type: REQUESTED_CLUSTER_ENTITY_TYPE,
      owner: `group:${request.owner}`,
      lifecycle: 'experimental',
    },
  };
}

/**
 * Refuses a request whose files would replace what `branch` already has: any file in the cluster's folder, or its
 * catalog entity. The InputError names the cluster and the first file found.
 */
async function refuseExisting(
  reader: ConfigRepoReader,
  branch: string,
  name: string,
  settings: ClusterRequestSettings,
) {
  const dir = clusterRequestDir(settings, name);
  const catalogFile = clusterCatalogFile(settings, name);
  const { entries } = await reader.readTree(branch);
  const existing = entries.find(
    entry =>
      entry.type === 'blob' &&
      (entry.path.startsWith(dir) || entry.path === catalogFile),
  );
  if (existing) {
    throw new InputError(
      `A cluster called ${name} is already requested: ${existing.path} exists on ${branch}`,
    );
  }
}

/**
 * The change of a cluster request: in `<path><name>/` the cluster (Cluster API objects or a Crossplane claim), its
 * GitOps registration and the kustomization listing both; in `<catalogPath><name>.yaml` the catalog entity the
 * portal shows its progress on (for the catalog, not the cluster). Refused when the folder has a file or the catalog
 * entity exists: a request never overwrites a cluster.
 *
 * @public
 */
export async function clusterRequestChange(
  reader: ConfigRepoReader,
  branch: string,
  request: ClusterRequest,
  settings: ClusterRequestSettings,
): Promise<ConfigRepoChange> {
  const provider = checkClusterRequest(request, settings);
  await refuseExisting(reader, branch, request.name, settings);
  const dir = clusterRequestDir(settings, request.name);
  const cluster =
    provider.type === 'cluster-api'
      ? clusterApiObjects(request, provider, settings.namespace)
      : [crossplaneClusterClaim(request, provider, settings.namespace)];
  const kubeconfigKey =
    provider.type === 'cluster-api' ? 'value' : provider.claim.kubeconfigKey;
  return {
    files: {
      [`${dir}cluster.yaml`]: yamlDocs(...cluster),
      [`${dir}registration.yaml`]: yamlDocs(
        clusterRegistration(request, settings, kubeconfigKey),
      ),
      [`${dir}kustomization.yaml`]: stringify({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['cluster.yaml', 'registration.yaml'],
      }),
      [clusterCatalogFile(settings, request.name)]: stringify(
        catalogEntity(request),
      ),
    },
  };
}
