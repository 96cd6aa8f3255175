import { ClusterRequest } from '@gitops-portal/plugin-gitops-common';
import {
  clusterApiObjects,
  crossplaneClusterClaim,
} from './clusterApiManifests';
import { clusterRequestSettingsSchema } from './clusterRequestConfig';

const request: ClusterRequest = {
  name: 'edge-1',
  provider: 'aws',
  environment: 'prod',
  kubernetesVersion: 'v1.31.2',
  controlPlaneReplicas: 3,
  workerReplicas: 4,
  owner: 'platform',
};

const settings = clusterRequestSettingsSchema.parse({
  namespace: 'capi',
  kubernetesVersions: ['v1.31.2'],
  providers: {
    aws: {
      type: 'cluster-api',
      infrastructure: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
        clusterKind: 'AWSCluster',
        machineTemplateKind: 'AWSMachineTemplate',
        clusterSpec: { region: 'eu-west-1' },
        machineSpec: { instanceType: 't3.large' },
      },
    },
    managed: {
      type: 'crossplane',
      claim: {
        apiVersion: 'platform.acme.io/v1alpha1',
        kind: 'KubernetesCluster',
        parameters: { region: 'us-east-1' },
        parameterNames: { kubernetesVersion: 'k8sVersion' },
      },
    },
  },
  registration: { engine: 'flux', sourceRef: { name: 'config' } },
});

const objects = clusterApiObjects(
  request,
  settings.providers.aws as Extract<
    (typeof settings.providers)[string],
    { type: 'cluster-api' }
  >,
  settings.namespace,
) as any[];
const object = (kind: string) => objects.find(o => o.kind === kind);

describe('clusterApiObjects', () => {
  it.each<[string, string, unknown]>([
    [
      'Cluster',
      'refers to its infrastructure cluster and control plane',
      {
        infrastructureRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
          kind: 'AWSCluster',
          name: 'edge-1',
        },
        controlPlaneRef: {
          apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
          kind: 'KubeadmControlPlane',
          name: 'edge-1-control-plane',
        },
      },
    ],
    [
      'AWSCluster',
      "carries the provider's cluster spec",
      { region: 'eu-west-1' },
    ],
    [
      'KubeadmControlPlane',
      'has the requested replicas and version on its machine template',
      {
        replicas: 3,
        version: 'v1.31.2',
        machineTemplate: {
          infrastructureRef: {
            kind: 'AWSMachineTemplate',
            name: 'edge-1-control-plane',
          },
        },
      },
    ],
    [
      'MachineDeployment',
      'selects its machines by cluster name and boots them with the kubeadm config template',
      {
        clusterName: 'edge-1',
        replicas: 4,
        selector: {
          matchLabels: { 'cluster.x-k8s.io/cluster-name': 'edge-1' },
        },
        template: {
          metadata: { labels: { 'cluster.x-k8s.io/cluster-name': 'edge-1' } },
          spec: {
            version: 'v1.31.2',
            bootstrap: {
              configRef: {
                apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1',
                kind: 'KubeadmConfigTemplate',
                name: 'edge-1-md-0',
              },
            },
            infrastructureRef: {
              kind: 'AWSMachineTemplate',
              name: 'edge-1-md-0',
            },
          },
        },
      },
    ],
  ])('the %s %s', (kind, _what, spec) => {
    expect(object(kind).spec).toMatchObject(spec as object);
  });

  it("gives both machine templates the provider's machine spec", () => {
    expect(
      objects
        .filter(o => o.kind === 'AWSMachineTemplate')
        .map(o => [o.metadata.name, o.spec.template.spec]),
    ).toEqual([
      ['edge-1-control-plane', { instanceType: 't3.large' }],
      ['edge-1-md-0', { instanceType: 't3.large' }],
    ]);
  });

  it("labels every object with the cluster's Kubernetes id and puts it in the configured namespace", () => {
    expect(
      new Set(
        objects.map(
          o =>
            `${o.metadata.namespace}/${o.metadata.labels['backstage.io/kubernetes-id']}`,
        ),
      ),
    ).toEqual(new Set(['capi/edge-1']));
  });
});

describe('crossplaneClusterClaim', () => {
  it('adds the version and worker count under the configured parameter names to the static parameters', () => {
    const claim = crossplaneClusterClaim(
      request,
      settings.providers.managed as Extract<
        (typeof settings.providers)[string],
        { type: 'crossplane' }
      >,
      'capi',
    ) as any;

    expect(claim.spec).toEqual({
      parameters: { region: 'us-east-1', k8sVersion: 'v1.31.2', nodeCount: 4 },
      writeConnectionSecretToRef: { name: 'edge-1-kubeconfig' },
    });
  });
});
