import { ConfigReader } from '@backstage/config';
import { readClusterRequestSettings } from './clusterRequestConfig';

const valid = {
  kubernetesVersions: ['v1.31.2'],
  providers: {
    docker: {
      type: 'cluster-api',
      infrastructure: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        clusterKind: 'DockerCluster',
        machineTemplateKind: 'DockerMachineTemplate',
      },
    },
  },
  registration: { engine: 'flux', sourceRef: { name: 'config' } },
};

const read = (clusterRequest: object) =>
  readClusterRequestSettings(new ConfigReader({ gitops: { clusterRequest } }));

describe('readClusterRequestSettings', () => {
  it('fills the defaults: kubeadm control plane and bootstrap, folder, bounds', () => {
    const settings = read(valid);

    expect(settings).toMatchObject({
      path: 'clusters/requests/',
      catalogPath: 'catalog/clusters/',
      namespace: 'default',
      controlPlaneReplicas: { min: 1, max: 5 },
      workerReplicas: { min: 0, max: 10 },
      providers: {
        docker: {
          controlPlane: {
            apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
            kind: 'KubeadmControlPlane',
          },
          bootstrap: { configTemplateKind: 'KubeadmConfigTemplate' },
        },
      },
      registration: {
        path: './clusters/{environment}',
        sourceRef: { kind: 'GitRepository' },
      },
    });
  });

  it.each<[string, object, string]>([
    [
      'a version that is no Kubernetes release',
      { ...valid, kubernetesVersions: ['1.31'] },
      'gitops.clusterRequest.kubernetesVersions.0: must be a Kubernetes release',
    ],
    [
      'bounds the wrong way round',
      { ...valid, workerReplicas: { min: 4, max: 2 } },
      'gitops.clusterRequest.workerReplicas: min must not be above max',
    ],
    [
      'a folder that climbs out of the repo',
      { ...valid, path: 'clusters/../x/' },
      'gitops.clusterRequest.path: must not contain ..',
    ],
    [
      'no provider',
      { ...valid, providers: {} },
      'gitops.clusterRequest.providers: must name at least one provider',
    ],
    [
      'an Argo CD registration without a store',
      { ...valid, registration: { engine: 'argocd' } },
      'gitops.clusterRequest.registration.storeRef',
    ],
  ])('refuses %s, naming the key', (_case, clusterRequest, message) => {
    expect(() => read(clusterRequest)).toThrow(message);
  });

  it('says what to set when nothing is configured', () => {
    expect(() => readClusterRequestSettings(new ConfigReader({}))).toThrow(
      'Cluster requests are not configured: set gitops.clusterRequest',
    );
  });
});
