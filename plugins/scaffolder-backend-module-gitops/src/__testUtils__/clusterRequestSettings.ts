import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { examples } from '../actions/clusterRequest.examples';
import { GitopsActionDeps } from '../actions/types';
import { exampleInputs } from './harness';

/** The providers the examples name: Cluster API's Docker provider (CAPD) and a Crossplane cluster XRD. */
export const CLUSTER_REQUEST: JsonObject = {
  namespace: 'capi-clusters',
  kubernetesVersions: ['v1.30.6', 'v1.31.2'],
  controlPlaneReplicas: { min: 1, max: 3 },
  workerReplicas: { min: 1, max: 5 },
  providers: {
    docker: {
      type: 'cluster-api',
      infrastructure: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        clusterKind: 'DockerCluster',
        machineTemplateKind: 'DockerMachineTemplate',
      },
      podCidrBlocks: ['192.168.0.0/16'],
    },
    managed: {
      type: 'crossplane',
      claim: {
        apiVersion: 'platform.acme.io/v1alpha1',
        kind: 'KubernetesCluster',
        parameters: { region: 'us-east-1' },
      },
    },
  },
  registration: {
    engine: 'flux',
    sourceRef: { name: 'gitops-config', namespace: 'flux-system' },
  },
};

/** The first example's request (`staging-eu-2` from the `docker` provider); tests give their own `repoUrl`. */
export const CLUSTER_REQUEST_INPUT = exampleInputs(examples)[0][1];

/** `deps` with `gitops.clusterRequest` set (`overrides` replace top-level keys). */
export function withClusterRequests(
  deps: GitopsActionDeps,
  overrides: JsonObject = {},
): GitopsActionDeps {
  const data = deps.config.get() as JsonObject;
  return {
    ...deps,
    config: new ConfigReader({
      ...data,
      gitops: {
        ...(data.gitops as JsonObject),
        clusterRequest: { ...CLUSTER_REQUEST, ...overrides },
      },
    }),
  };
}
