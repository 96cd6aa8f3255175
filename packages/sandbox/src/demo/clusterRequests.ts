import { XRD_GROUP, XRD_VERSION, xrdDefinitions } from './crossplane';

/**
 * The platform team's Crossplane cluster API: a `KubernetesCluster` claim (parameters region, version and node
 * count, the kubeconfig as its connection secret) composed of an EKS control plane and a node group, as the Upbound
 * AWS provider's managed resources. `name` is each resource's name in the composition, which Crossplane's readiness
 * messages use ("Unready resources: node-group").
 */
export const CLUSTER_CLAIM = {
  claimKind: 'KubernetesCluster',
  claimPlural: 'kubernetesclusters',
  compositeKind: 'XKubernetesCluster',
  compositePlural: 'xkubernetesclusters',
  connectionSecretKeys: ['kubeconfig'],
  managed: [
    {
      name: 'control-plane',
      apiVersion: 'eks.aws.upbound.io/v1beta1',
      kind: 'Cluster',
      plural: 'clusters',
    },
    {
      name: 'node-group',
      apiVersion: 'eks.aws.upbound.io/v1beta1',
      kind: 'NodeGroup',
      plural: 'nodegroups',
    },
  ],
  schema: {
    type: 'object',
    required: ['region', 'version', 'nodeCount'],
    properties: {
      region: { type: 'string', enum: ['eu-west-1', 'us-east-1'] },
      version: { type: 'string', description: 'Kubernetes release, v1.31.2' },
      nodeCount: { type: 'integer', minimum: 1, maximum: 10 },
    },
  },
};

/** The cluster XRD and its CRDs, on the management cluster only (where cluster requests are applied). */
export const clusterClaimDefinitions = () => xrdDefinitions(CLUSTER_CLAIM);

/**
 * `gitops.clusterRequest` of the sandbox: the request-cluster template's objects go to the dev cluster (the
 * sandbox's management cluster), whose tree the simulated operator applies: Cluster API objects it provisions
 * (operator/clusterApiDouble.ts), a Crossplane cluster claim it composes and readies (operator/clusterClaimDouble.ts).
 * Registration through an ExternalSecret that turns the kubeconfig Secret into an Argo CD cluster Secret: nothing in
 * Git is a credential.
 */
export const DEMO_CLUSTER_REQUEST = {
  path: 'clusters/dev/cluster-requests/',
  namespace: 'default',
  managementEnvironment: 'dev',
  kubernetesVersions: ['v1.30.6', 'v1.31.2'],
  controlPlaneReplicas: { min: 1, max: 3 },
  workerReplicas: { min: 1, max: 4 },
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
    // The claim's version and node count go to the XRD's `version` and `nodeCount` (the defaults).
    'aws-managed': {
      type: 'crossplane',
      claim: {
        apiVersion: `${XRD_GROUP}/${XRD_VERSION}`,
        kind: CLUSTER_CLAIM.claimKind,
        parameters: { region: 'eu-west-1' },
      },
    },
  },
  registration: {
    engine: 'argocd',
    storeRef: { name: 'management-cluster', kind: 'ClusterSecretStore' },
  },
};
