import type {
  ClusterProvisioning,
  Health,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { argoApp } from '../../__testUtils__/fixtures';
import {
  clusterConfigSnippet,
  provisioningSummary,
} from './provisioningSummary';

const API_VERSIONS: Record<string, string> = {
  Cluster: 'cluster.x-k8s.io/v1beta1',
  MachineDeployment: 'cluster.x-k8s.io/v1beta1',
  KubeadmControlPlane: 'controlplane.cluster.x-k8s.io/v1beta1',
};

/** A Cluster API object of the requested cluster `edge-1` as the status route serves it. */
const capi = (
  kind: string,
  provisioning: ClusterProvisioning,
  health: Health = { status: 'Progressing' },
): ObjectStatus =>
  argoApp({
    engine: 'cluster-api',
    apiVersion: API_VERSIONS[kind],
    kind,
    name: kind === 'Cluster' ? 'edge-1' : `edge-1-${kind.toLowerCase()}`,
    cluster: 'management',
    provisioning,
    health,
  });

const PROVISIONED: ObjectStatus[] = [
  capi(
    'Cluster',
    {
      phase: 'Provisioned',
      infrastructureReady: true,
      controlPlaneReady: true,
      apiServerUrl: 'https://172.18.0.4:6443',
    },
    { status: 'Healthy' },
  ),
  capi(
    'KubeadmControlPlane',
    { controlPlaneReady: true, replicas: { desired: 1, ready: 1 } },
    { status: 'Healthy' },
  ),
  capi(
    'MachineDeployment',
    { phase: 'Running', replicas: { desired: 2, ready: 2 } },
    { status: 'Healthy' },
  ),
];

describe('provisioningSummary', () => {
  it('is undefined while no object of the cluster exists (the request is not merged)', () => {
    expect(provisioningSummary([])).toBeUndefined();
  });

  it.each<[string, ObjectStatus[], boolean[], string]>([
    ['just applied', [capi('Cluster', {})], [false, false, false], 'Pending'],
    [
      'infrastructure up, machines coming',
      [
        capi('Cluster', { phase: 'Provisioning', infrastructureReady: true }),
        capi('KubeadmControlPlane', { replicas: { desired: 1, ready: 0 } }),
        capi('MachineDeployment', {
          phase: 'ScalingUp',
          replicas: { desired: 2, ready: 1 },
        }),
      ],
      [true, false, false],
      'Provisioning',
    ],
    ['provisioned', PROVISIONED, [true, true, true], 'Provisioned'],
  ])('%s: the steps done and the phase', (_case, objects, done, phase) => {
    const summary = provisioningSummary(objects);

    expect(summary?.steps.map(step => step.done)).toEqual(done);
    expect(summary?.phase).toBe(phase);
  });

  it('counts ready machines per role', () => {
    const summary = provisioningSummary([
      capi('Cluster', { phase: 'Provisioning' }),
      capi('KubeadmControlPlane', { replicas: { desired: 3, ready: 1 } }),
      capi('MachineDeployment', { replicas: { desired: 2, ready: 0 } }),
    ]);

    expect(summary?.steps.map(step => step.label)).toEqual([
      'Infrastructure',
      'Control plane: 1/3 ready',
      'Workers: 0/2 ready',
    ]);
  });

  it.each<[string, ObjectStatus[], boolean]>([
    ['every step done and phase Provisioned', PROVISIONED, true],
    [
      'a worker still missing',
      [
        ...PROVISIONED.slice(0, 2),
        capi('MachineDeployment', { replicas: { desired: 2, ready: 1 } }),
      ],
      false,
    ],
  ])('is ready only with %s', (_case, objects, ready) => {
    expect(provisioningSummary(objects)?.ready).toBe(ready);
  });

  it('carries the API server and the message of what is not healthy', () => {
    const summary = provisioningSummary([
      capi(
        'Cluster',
        { phase: 'Provisioning', apiServerUrl: 'https://10.0.0.1:6443' },
        { status: 'Progressing', message: 'Waiting for control plane' },
      ),
    ]);

    expect(summary).toMatchObject({
      apiServerUrl: 'https://10.0.0.1:6443',
      message: 'Waiting for control plane',
    });
  });

  it.each<[Health['status'], boolean]>([
    ['Progressing', false],
    ['Healthy', true],
  ])('follows a Crossplane claim by its health (%s)', (status, ready) => {
    const claim = argoApp({
      engine: 'crossplane',
      apiVersion: 'platform.acme.io/v1alpha1',
      kind: 'KubernetesCluster',
      health: { status },
    });

    expect(provisioningSummary([claim])).toMatchObject({
      phase: status,
      ready,
      steps: [{ label: 'KubernetesCluster ready', done: ready }],
    });
  });
});

describe('clusterConfigSnippet', () => {
  it('names the token by an environment variable, never a value', () => {
    expect(
      clusterConfigSnippet({
        name: 'edge-1',
        environment: 'staging',
        apiServerUrl: 'https://172.18.0.4:6443',
      }),
    ).toBe(
      [
        'gitops:',
        '  clusters:',
        '    - name: edge-1',
        '      environment: staging',
        '      url: https://172.18.0.4:6443',
        '      serviceAccountToken: ${EDGE_1_TOKEN}',
      ].join('\n'),
    );
  });
});
