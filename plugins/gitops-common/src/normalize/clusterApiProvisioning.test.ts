import { ClusterProvisioning, objectStatusSchema } from '../schema';
import { k8s, ObjectParts } from '../__fixtures__/objects';
import { clusterApiProvisioning } from './clusterApiProvisioning';
import { normalizeObject } from './normalizeObject';

const API_VERSIONS: Record<string, string> = {
  Cluster: 'cluster.x-k8s.io/v1beta1',
  MachineDeployment: 'cluster.x-k8s.io/v1beta1',
  Machine: 'cluster.x-k8s.io/v1beta1',
  KubeadmControlPlane: 'controlplane.cluster.x-k8s.io/v1beta1',
};
const capi = (kind: string, parts: ObjectParts) =>
  k8s(API_VERSIONS[kind], kind, parts);

describe('clusterApiProvisioning', () => {
  it.each<[string, string, ObjectParts, ClusterProvisioning]>([
    ['Cluster', 'just created: nothing reported yet', { spec: {} }, {}],
    [
      'Cluster',
      'provisioning: infrastructure up, control plane not yet',
      {
        spec: {},
        status: {
          phase: 'Provisioning',
          infrastructureReady: true,
          controlPlaneReady: false,
        },
      },
      {
        phase: 'Provisioning',
        infrastructureReady: true,
        controlPlaneReady: false,
      },
    ],
    [
      'Cluster',
      'provisioned',
      {
        spec: {},
        status: {
          phase: 'Provisioned',
          infrastructureReady: true,
          controlPlaneReady: true,
        },
      },
      {
        phase: 'Provisioned',
        infrastructureReady: true,
        controlPlaneReady: true,
      },
    ],
    [
      'Cluster',
      'with the API server its infrastructure provider set',
      {
        spec: { controlPlaneEndpoint: { host: '172.18.0.4', port: 6443 } },
        status: { phase: 'Provisioned' },
      },
      { phase: 'Provisioned', apiServerUrl: 'https://172.18.0.4:6443' },
    ],
    [
      'Cluster',
      'an endpoint without a host (not set yet) is left out',
      {
        spec: { controlPlaneEndpoint: { host: '', port: 0 } },
        status: { phase: 'Provisioning' },
      },
      { phase: 'Provisioning' },
    ],
    [
      'Cluster',
      'a readiness flag that is no boolean is left out',
      { spec: {}, status: { phase: 'Pending', controlPlaneReady: 'yes' } },
      { phase: 'Pending' },
    ],
    [
      'KubeadmControlPlane',
      'one of three machines ready',
      {
        spec: { replicas: 3 },
        status: { ready: false, readyReplicas: 1, updatedReplicas: 3 },
      },
      {
        controlPlaneReady: false,
        replicas: { desired: 3, ready: 1, updated: 3 },
      },
    ],
    [
      'KubeadmControlPlane',
      'no machine reported yet counts as none ready',
      { spec: { replicas: 1 }, status: {} },
      { replicas: { desired: 1, ready: 0 } },
    ],
    [
      'MachineDeployment',
      'scaling up, two of four ready',
      {
        spec: { replicas: 4 },
        status: { phase: 'ScalingUp', readyReplicas: 2, updatedReplicas: 4 },
      },
      { phase: 'ScalingUp', replicas: { desired: 4, ready: 2, updated: 4 } },
    ],
    [
      'MachineDeployment',
      'a count that is no whole number is ignored',
      { spec: { replicas: 2.5 }, status: { phase: 'Running' } },
      { phase: 'Running' },
    ],
    [
      'Machine',
      'running as a Node',
      {
        spec: {},
        status: { phase: 'Running', nodeRef: { name: 'edge-1-md-0-x7k2p' } },
      },
      { phase: 'Running', nodeName: 'edge-1-md-0-x7k2p' },
    ],
  ])('%s %s', (kind, _case, parts, expected) => {
    expect(clusterApiProvisioning(kind, capi(kind, parts))).toEqual(expected);
  });

  it.each([
    ['Cluster', { spec: {}, status: { phase: 'Provisioning' } }],
    [
      'MachineDeployment',
      {
        spec: { replicas: 2 },
        status: { phase: 'ScalingUp', readyReplicas: 1 },
      },
    ],
    ['KubeadmControlPlane', { spec: { replicas: 1 }, status: { ready: true } }],
  ])(
    'normalizeObject puts the %s progress on its record, which the schema accepts',
    (kind, parts) => {
      const obj = capi(kind, parts);
      const record = normalizeObject(obj, { cluster: 'management' });

      expect(record.provisioning).toEqual(clusterApiProvisioning(kind, obj));
      expect(objectStatusSchema.parse(record)).toEqual(record);
    },
  );
});
