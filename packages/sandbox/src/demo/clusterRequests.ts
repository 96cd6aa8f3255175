/**
 * `gitops.clusterRequest` of the sandbox: the request-cluster template's Cluster API objects go to the dev cluster
 * (the sandbox's management cluster), whose tree the simulated operator applies and whose Cluster API objects it
 * provisions (operator/clusterApiDouble.ts). Registration through an ExternalSecret that turns CAPI's kubeconfig
 * Secret into an Argo CD cluster Secret: nothing in Git is a credential.
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
  },
  registration: {
    engine: 'argocd',
    storeRef: { name: 'management-cluster', kind: 'ClusterSecretStore' },
  },
};
