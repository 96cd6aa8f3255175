import {
  CLUSTER_ENVIRONMENT_KEY,
  ClusterRequest,
  KUBERNETES_ID_LABEL,
} from '@gitops-portal/plugin-gitops-common';
import { clusterApiNames } from './clusterApiManifests';
import { ClusterRequestSettings } from './clusterRequestConfig';

const ARGOCD_SECRET_TYPE_LABEL = 'argocd.argoproj.io/secret-type';

/**
 * Flux: a Kustomization on the management cluster that applies the environment's folder to the new cluster with
 * the kubeconfig Cluster API (or the claim's connection secret) writes, `spec.kubeConfig.secretRef` as Flux's
 * kustomize-controller documents it; Flux retries until the Secret exists. No credential is in Git.
 */
function fluxRegistration(
  request: ClusterRequest,
  settings: ClusterRequestSettings,
  registration: Extract<
    ClusterRequestSettings['registration'],
    { engine: 'flux' }
  >,
  kubeconfigKey: string,
) {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: {
      name: `${request.name}-gitops`,
      // The Secret must be in the Kustomization's namespace.
      namespace: settings.namespace,
      labels: { [KUBERNETES_ID_LABEL]: request.name, team: request.owner },
    },
    spec: {
      interval: registration.interval,
      path: registration.path
        .replaceAll('{name}', request.name)
        .replaceAll('{environment}', request.environment),
      prune: true,
      sourceRef: {
        kind: registration.sourceRef.kind,
        name: registration.sourceRef.name,
        ...(registration.sourceRef.namespace
          ? { namespace: registration.sourceRef.namespace }
          : {}),
      },
      kubeConfig: {
        secretRef: {
          name: clusterApiNames(request.name).kubeconfigSecret,
          key: kubeconfigKey,
        },
      },
    },
  };
}

/**
 * Argo CD: an ExternalSecret that External Secrets turns into an Argo CD cluster Secret (label
 * `argocd.argoproj.io/secret-type: cluster`) by reading the kubeconfig Secret CAPI writes through the configured
 * store (External Secrets' Kubernetes provider) and templating `server` and `config` from it. The cluster Secret
 * carries the environment label, so an ApplicationSet cluster generator selecting it deploys the environment's
 * applications there. Git holds only the reference.
 */
function argoRegistration(
  request: ClusterRequest,
  registration: Extract<
    ClusterRequestSettings['registration'],
    { engine: 'argocd' }
  >,
  kubeconfigKey: string,
) {
  // The kubeconfig's first cluster and user (CAPI writes exactly one of each).
  const kubeconfig = '(.kubeconfig | fromYaml)';
  const cluster = `(index ${kubeconfig}.clusters 0).cluster`;
  const user = `(index ${kubeconfig}.users 0).user`;
  const config = `{"tlsClientConfig":{"caData":"{{ (index ${cluster} "certificate-authority-data") }}","certData":"{{ (index ${user} "client-certificate-data") }}","keyData":"{{ (index ${user} "client-key-data") }}"}}`;
  return {
    apiVersion: registration.apiVersion,
    kind: 'ExternalSecret',
    metadata: {
      name: `${request.name}-cluster`,
      namespace: registration.namespace,
      labels: { [KUBERNETES_ID_LABEL]: request.name, team: request.owner },
    },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: registration.storeRef,
      target: {
        name: `${request.name}-cluster`,
        template: {
          engineVersion: 'v2',
          metadata: {
            labels: {
              [ARGOCD_SECRET_TYPE_LABEL]: 'cluster',
              // For an ApplicationSet cluster generator's selector.
              [CLUSTER_ENVIRONMENT_KEY]: request.environment,
            },
          },
          data: {
            name: request.name,
            server: `{{ ${cluster}.server }}`,
            config,
          },
        },
      },
      data: [
        {
          secretKey: 'kubeconfig',
          remoteRef: {
            key: clusterApiNames(request.name).kubeconfigSecret,
            property: kubeconfigKey,
          },
        },
      ],
    },
  };
}

/**
 * The new cluster's GitOps registration, as `gitops.clusterRequest.registration.engine` says. `kubeconfigKey` is the
 * kubeconfig's key in the Secret that holds it: CAPI writes `value`; a claim's XRD names its own.
 *
 * @public
 */
export function clusterRegistration(
  request: ClusterRequest,
  settings: ClusterRequestSettings,
  kubeconfigKey: string,
): Record<string, unknown> {
  const { registration } = settings;
  return registration.engine === 'flux'
    ? fluxRegistration(request, settings, registration, kubeconfigKey)
    : argoRegistration(request, registration, kubeconfigKey);
}
