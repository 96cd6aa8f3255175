import {
  ClusterProvisioning,
  normalizeObject,
} from '@gitops-portal/plugin-gitops-common';
import {
  gitopsCrds,
  KubeEmulator,
  KubeObject,
  startKubeEmulator,
} from '@internal/kube-emulator';
import { advanceClusterApi } from './clusterApiDouble';

const CAPI = 'cluster.x-k8s.io/v1beta1';
const KCP = 'controlplane.cluster.x-k8s.io/v1beta1';
const meta = (name: string) => ({ name, namespace: 'default' });

/** A requested cluster as `gitops:cluster:request` writes it, cut down to what CAPI's controllers read here. */
const REQUEST: KubeObject[] = [
  {
    apiVersion: CAPI,
    kind: 'Cluster',
    metadata: meta('edge-1'),
    spec: {
      controlPlaneRef: {
        apiVersion: KCP,
        kind: 'KubeadmControlPlane',
        name: 'edge-1-control-plane',
      },
    },
  },
  {
    apiVersion: KCP,
    kind: 'KubeadmControlPlane',
    metadata: meta('edge-1-control-plane'),
    spec: { replicas: 3, version: 'v1.31.2' },
  },
  {
    apiVersion: CAPI,
    kind: 'MachineDeployment',
    metadata: meta('edge-1-md-0'),
    spec: { clusterName: 'edge-1', replicas: 2 },
  },
];

let kube: KubeEmulator;
beforeAll(async () => {
  kube = await startKubeEmulator({ clusters: [{ name: 'management' }] });
});
afterAll(() => kube.close());

/** What the portal reads of each object after each look of the operator, until nothing moves. */
function progressUntilReady(): Array<Record<string, ClusterProvisioning>> {
  const cluster = kube.cluster('management');
  cluster.apply(gitopsCrds());
  cluster.apply(REQUEST);
  const stages = [];
  while (advanceClusterApi(cluster) > 0) {
    stages.push(
      Object.fromEntries(
        REQUEST.map(({ apiVersion, kind, metadata }) => {
          const live = cluster.get(apiVersion, kind, metadata.name!, 'default');
          const record = normalizeObject(live, { cluster: 'management' });
          return [kind, record.provisioning ?? {}];
        }),
      ),
    );
  }
  return stages;
}

describe('the simulated Cluster API controllers', () => {
  it('provision a merged Cluster stage by stage, control plane before workers, then leave it alone', () => {
    expect(progressUntilReady()).toEqual([
      {
        Cluster: {
          phase: 'Pending',
          infrastructureReady: false,
          controlPlaneReady: false,
        },
        KubeadmControlPlane: { replicas: { desired: 3, ready: 0 } },
        MachineDeployment: {
          phase: 'ScalingUp',
          replicas: { desired: 2, ready: 0 },
        },
      },
      {
        Cluster: {
          phase: 'Provisioning',
          infrastructureReady: true,
          controlPlaneReady: false,
          apiServerUrl: expect.stringMatching(
            /^https:\/\/172\.18\.0\.\d+:6443$/,
          ),
        },
        KubeadmControlPlane: {
          controlPlaneReady: false,
          replicas: { desired: 3, ready: 0, updated: 3 },
        },
        MachineDeployment: {
          phase: 'ScalingUp',
          replicas: { desired: 2, ready: 0 },
        },
      },
      {
        Cluster: expect.objectContaining({
          phase: 'Provisioned',
          controlPlaneReady: true,
        }),
        KubeadmControlPlane: {
          controlPlaneReady: true,
          replicas: { desired: 3, ready: 3, updated: 3 },
        },
        MachineDeployment: {
          phase: 'ScalingUp',
          replicas: { desired: 2, ready: 0 },
        },
      },
      {
        Cluster: expect.objectContaining({ phase: 'Provisioned' }),
        KubeadmControlPlane: expect.objectContaining({
          controlPlaneReady: true,
        }),
        MachineDeployment: {
          phase: 'Running',
          replicas: { desired: 2, ready: 2, updated: 2 },
        },
      },
    ]);
  });
});
