import { Health } from '../schema';
import { cond, DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import {
  clusterApiHealth,
  ClusterApiKind,
  clusterApiStatus,
} from './clusterApiHealth';

const capi = (kind: ClusterApiKind, parts: ObjectParts) =>
  k8s(
    kind === 'KubeadmControlPlane'
      ? 'controlplane.cluster.x-k8s.io/v1beta1'
      : 'cluster.x-k8s.io/v1beta1',
    kind,
    parts,
  );
type Case = [string, ObjectParts, Health];

describe('clusterApiHealth mirrors cluster.x-k8s.io/Cluster/health.lua', () => {
  it.each<Case>([
    [
      'deleting',
      { metadata: DELETING, spec: {} },
      {
        status: 'Progressing',
        message:
          'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup',
      },
    ],
    [
      'paused',
      { spec: { paused: true } },
      { status: 'Suspended', message: 'Cluster is paused' },
    ],
    [
      'no status',
      { spec: {} },
      { status: 'Progressing', message: 'Waiting for Cluster' },
    ],
    [
      'phase Provisioned',
      { spec: {}, status: { phase: 'Provisioned' } },
      { status: 'Healthy', message: 'Cluster is running' },
    ],
    [
      'phase Failed',
      { spec: {}, status: { phase: 'Failed' } },
      { status: 'Degraded' },
    ],
    [
      'a mandatory condition not True',
      {
        spec: {},
        status: {
          phase: 'Provisioned',
          conditions: [
            cond(
              'InfrastructureReady',
              'False',
              'Provisioning',
              'VPC not ready',
            ),
          ],
        },
      },
      { status: 'Degraded', message: 'VPC not ready' },
    ],
    [
      'ScalingUp not False',
      {
        spec: {},
        status: {
          phase: 'Provisioned',
          conditions: [
            cond('ScalingUp', 'True', 'ScalingUp', 'Scaling up to 3 replicas'),
          ],
        },
      },
      { status: 'Progressing', message: 'Scaling up to 3 replicas' },
    ],
    [
      'TopologyReconciled not True',
      {
        spec: {},
        status: {
          phase: 'Provisioned',
          conditions: [
            cond(
              'TopologyReconciled',
              'False',
              'ClusterClassNotReconciled',
              'waiting',
            ),
          ],
        },
      },
      { status: 'Progressing', message: 'waiting' },
    ],
    [
      'v1beta2 conditions win over the legacy list',
      {
        spec: {},
        status: {
          phase: 'Provisioned',
          conditions: [cond('Ready', 'False', 'Legacy', 'legacy says no')],
          v1beta2: { conditions: [cond('Available', 'True', 'Available')] },
        },
      },
      { status: 'Healthy', message: 'Cluster is running' },
    ],
    [
      'no spec: a Lua error',
      { status: { phase: 'Provisioned' } },
      { status: 'Unknown', message: 'Health check failed: spec is missing' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(clusterApiHealth('Cluster', capi('Cluster', parts))).toEqual(
      expected,
    );
  });
});

describe('clusterApiHealth mirrors cluster.x-k8s.io/MachineDeployment/health.lua', () => {
  it.each<Case>([
    [
      'paused',
      { spec: { paused: true } },
      { status: 'Suspended', message: 'MachineDeployment is paused' },
    ],
    [
      'no status',
      { spec: {} },
      { status: 'Progressing', message: 'Waiting for machines' },
    ],
    [
      'Running with all replicas updated and ready',
      {
        spec: {},
        status: {
          phase: 'Running',
          replicas: 3,
          updatedReplicas: 3,
          readyReplicas: 3,
        },
      },
      {
        status: 'Healthy',
        message: 'Machines are running under this deployment',
      },
    ],
    [
      'Running with a replica not ready',
      {
        spec: {},
        status: {
          phase: 'Running',
          replicas: 3,
          updatedReplicas: 3,
          readyReplicas: 2,
        },
      },
      { status: 'Progressing', message: 'Waiting for machines' },
    ],
    [
      'ScalingUp',
      { spec: {}, status: { phase: 'ScalingUp' } },
      { status: 'Progressing', message: 'Cluster is spawning machines' },
    ],
    [
      'ScalingDown',
      { spec: {}, status: { phase: 'ScalingDown' } },
      { status: 'Progressing', message: 'Cluster is stopping machines' },
    ],
    [
      'Failed',
      { spec: {}, status: { phase: 'Failed' } },
      { status: 'Degraded', message: 'MachineDeployment is failed' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(
      clusterApiHealth('MachineDeployment', capi('MachineDeployment', parts)),
    ).toEqual(expected);
  });
});

describe('clusterApiHealth mirrors controlplane.cluster.x-k8s.io/KubeadmControlPlane/health.lua', () => {
  const counts = { replicas: 3, updatedReplicas: 3, readyReplicas: 3 };
  it.each<Case>([
    [
      'no status',
      { spec: {} },
      {
        status: 'Progressing',
        message: 'Waiting for KubeadmControlPlane status',
      },
    ],
    [
      'etcd unhealthy',
      {
        status: {
          ...counts,
          conditions: [
            cond('EtcdClusterHealthy', 'False', 'EtcdClusterUnhealthy'),
          ],
        },
      },
      { status: 'Degraded', message: 'Etcd cluster is unhealthy' },
    ],
    [
      'v1beta2 MachinesReady not True',
      {
        status: {
          ...counts,
          v1beta2: { conditions: [cond('MachinesReady', 'False', 'NotReady')] },
        },
      },
      { status: 'Progressing', message: 'Machines not ready' },
    ],
    [
      'control plane components unhealthy',
      {
        status: {
          ...counts,
          conditions: [
            cond('ControlPlaneComponentsHealthy', 'False', 'PodFailed'),
          ],
        },
      },
      { status: 'Progressing', message: 'Control plane components unhealthy' },
    ],
    [
      'RollingOut=True',
      {
        status: {
          ...counts,
          v1beta2: { conditions: [cond('RollingOut', 'True', 'RollingOut')] },
        },
      },
      { status: 'Progressing', message: 'Rolling out' },
    ],
    [
      'replicas being updated',
      { status: { replicas: 3, updatedReplicas: 1, readyReplicas: 3 } },
      { status: 'Progressing', message: 'Updating: 1/3 updated, 3 ready' },
    ],
    [
      'replicas not ready',
      { status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2 } },
      { status: 'Progressing', message: '2/3 ready' },
    ],
    [
      'healthy',
      { status: counts },
      { status: 'Healthy', message: 'Control plane is healthy' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(
      clusterApiHealth(
        'KubeadmControlPlane',
        capi('KubeadmControlPlane', parts),
      ),
    ).toEqual(expected);
  });
});

describe('clusterApiStatus', () => {
  it('reads the paused annotation as the suspended row', () => {
    const kcp = capi('KubeadmControlPlane', {
      metadata: { annotations: { 'cluster.x-k8s.io/paused': '' } },
      status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3 },
    });
    expect(clusterApiStatus('KubeadmControlPlane')(kcp)).toMatchObject({
      suspended: true,
      health: {
        status: 'Suspended',
        message: 'KubeadmControlPlane is suspended',
      },
    });
  });
});
