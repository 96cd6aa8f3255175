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
});

const XRD_API = 'platform.acme.io/v1alpha1';
const EKS = 'eks.aws.upbound.io/v1beta1';
const ready = (reason: string, message = '') =>
  reason === 'Available'
    ? { type: 'Ready', status: 'True', reason }
    : { type: 'Ready', status: 'False', reason, message };

/** A Crossplane object of the requested cluster `edge-2` as the status route serves it (linked through the claim). */
const crossplane = (
  role: 'claim' | 'composite' | 'managed',
  kind: string,
  readyCondition: ReturnType<typeof ready>,
  extra: Partial<ObjectStatus> = {},
): ObjectStatus =>
  argoApp({
    engine: 'crossplane',
    apiVersion: role === 'managed' ? EKS : XRD_API,
    kind,
    name: `edge-2-${kind.toLowerCase()}`,
    cluster: 'management',
    sync: 'Synced',
    health: {
      status: readyCondition.status === 'True' ? 'Healthy' : 'Progressing',
    },
    conditions: [
      { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
      readyCondition,
    ],
    crossplane: {
      role,
      ...(role === 'claim'
        ? {
            compositeRef: {
              apiVersion: XRD_API,
              kind: 'XKubernetesCluster',
              name: 'edge-2-x',
            },
          }
        : {}),
    },
    ...extra,
  });

const WAITING = 'Claim is waiting for composite resource to become Ready';

describe('provisioningSummary of a Crossplane cluster claim', () => {
  it.each<[string, ObjectStatus[], Record<string, unknown>]>([
    [
      'bound, composing',
      [
        crossplane('claim', 'KubernetesCluster', ready('Waiting', WAITING)),
        crossplane(
          'composite',
          'XKubernetesCluster',
          ready('Creating', 'Unready resources: control-plane, node-group'),
        ),
        crossplane('managed', 'Cluster', ready('Creating')),
        crossplane('managed', 'NodeGroup', ready('Creating')),
      ],
      {
        phase: 'Waiting',
        ready: false,
        steps: [
          { label: 'Composite resource', done: true },
          { label: 'Managed resources: 0/2 ready', done: false },
          { label: 'KubernetesCluster ready', done: false },
        ],
        message: 'Unready resources: control-plane, node-group',
      },
    ],
    [
      'its control plane ready',
      [
        crossplane('claim', 'KubernetesCluster', ready('Waiting', WAITING)),
        crossplane(
          'composite',
          'XKubernetesCluster',
          ready('Creating', 'Unready resources: node-group'),
        ),
        crossplane('managed', 'Cluster', ready('Available')),
        crossplane('managed', 'NodeGroup', ready('Creating')),
      ],
      {
        phase: 'Waiting',
        ready: false,
        steps: [
          { label: 'Composite resource', done: true },
          { label: 'Managed resources: 1/2 ready', done: false },
          { label: 'KubernetesCluster ready', done: false },
        ],
        message: 'Unready resources: node-group',
      },
    ],
    [
      'ready',
      [
        crossplane('claim', 'KubernetesCluster', ready('Available')),
        crossplane('composite', 'XKubernetesCluster', ready('Available')),
        crossplane('managed', 'Cluster', ready('Available')),
        crossplane('managed', 'NodeGroup', ready('Available')),
      ],
      {
        phase: 'Available',
        ready: true,
        steps: [
          { label: 'Composite resource', done: true },
          { label: 'Managed resources: 2/2 ready', done: true },
          { label: 'KubernetesCluster ready', done: true },
        ],
      },
    ],
    [
      'the claim alone (its composite not read yet)',
      [crossplane('claim', 'KubernetesCluster', ready('Waiting', WAITING))],
      {
        phase: 'Waiting',
        ready: false,
        steps: [
          { label: 'Composite resource', done: true },
          { label: 'Managed resources', done: false },
          { label: 'KubernetesCluster ready', done: false },
        ],
        message: WAITING,
      },
    ],
  ])('follows the claim %s', (_case, objects, expected) => {
    expect(provisioningSummary(objects)).toEqual(expected);
  });

  it("says first what a failed sync says (the provider's error)", () => {
    const failing = crossplane('managed', 'NodeGroup', ready('Creating'), {
      sync: 'OutOfSync',
      conditions: [
        {
          type: 'Synced',
          status: 'False',
          reason: 'ReconcileError',
          message: 'cannot create node group: quota exceeded',
        },
      ],
    });

    expect(
      provisioningSummary([
        crossplane('claim', 'KubernetesCluster', ready('Waiting', WAITING)),
        failing,
      ])?.message,
    ).toBe('cannot create node group: quota exceeded');
  });

  it('is undefined for Crossplane objects without their claim', () => {
    expect(
      provisioningSummary([
        crossplane('managed', 'Cluster', ready('Creating')),
      ]),
    ).toBeUndefined();
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
