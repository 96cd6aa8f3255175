import { Health } from '../schema';
import { cond, k8s, ObjectParts } from '../__fixtures__/objects';
import {
  CoreWorkloadKind,
  coreWorkloadHealth,
  coreWorkloadStatus,
} from './coreWorkloadHealth';

type Case = [string, ObjectParts, Health];
const generation = (g: number, observed: number) => ({
  metadata: { name: 'web', generation: g },
  observed,
});

const deployment = (parts: ObjectParts) => k8s('apps/v1', 'Deployment', parts);

describe('coreWorkloadHealth mirrors gitops-engine health_deployment.go', () => {
  const meta = { name: 'web', generation: 2 };
  it.each<Case>([
    [
      'paused',
      { metadata: meta, spec: { paused: true } },
      { status: 'Suspended', message: 'Deployment is paused' },
    ],
    [
      'generation not observed',
      {
        metadata: meta,
        spec: { replicas: 2 },
        status: { observedGeneration: 1 },
      },
      {
        status: 'Progressing',
        message:
          'Waiting for rollout to finish: observed deployment generation less then desired generation',
      },
    ],
    [
      'progress deadline exceeded',
      {
        metadata: meta,
        spec: { replicas: 2 },
        status: {
          observedGeneration: 2,
          conditions: [
            cond('Progressing', 'False', 'ProgressDeadlineExceeded'),
          ],
        },
      },
      {
        status: 'Degraded',
        message: 'Deployment "web" exceeded its progress deadline',
      },
    ],
    [
      'replicas not updated',
      {
        metadata: meta,
        spec: { replicas: 3 },
        status: { observedGeneration: 2, replicas: 3, updatedReplicas: 1 },
      },
      {
        status: 'Progressing',
        message:
          'Waiting for rollout to finish: 1 out of 3 new replicas have been updated...',
      },
    ],
    [
      'old replicas pending termination',
      {
        metadata: meta,
        spec: { replicas: 2 },
        status: { observedGeneration: 2, replicas: 3, updatedReplicas: 2 },
      },
      {
        status: 'Progressing',
        message:
          'Waiting for rollout to finish: 1 old replicas are pending termination...',
      },
    ],
    [
      'updated replicas not available',
      {
        metadata: meta,
        spec: { replicas: 2 },
        status: {
          observedGeneration: 2,
          replicas: 2,
          updatedReplicas: 2,
          availableReplicas: 1,
        },
      },
      {
        status: 'Progressing',
        message:
          'Waiting for rollout to finish: 1 of 2 updated replicas are available...',
      },
    ],
    [
      'rolled out',
      {
        metadata: meta,
        spec: { replicas: 2 },
        status: {
          observedGeneration: 2,
          replicas: 2,
          updatedReplicas: 2,
          availableReplicas: 2,
        },
      },
      { status: 'Healthy' },
    ],
    [
      'a count of the wrong type',
      {
        metadata: meta,
        spec: { replicas: 2 },
        status: { observedGeneration: 2, replicas: 'two' },
      },
      {
        status: 'Unknown',
        message: 'Health check failed: status.replicas is not a number',
      },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(coreWorkloadHealth('Deployment', deployment(parts))).toEqual(
      expected,
    );
  });

  it.each<[string, string[], Health]>([
    [
      'deleting: Pending deletion',
      ['example.org/cleanup'],
      { status: 'Progressing', message: 'Pending deletion' },
    ],
    [
      'held by the Argo CD hook finalizer: the kind rule',
      ['argocd.argoproj.io/hook-finalizer'],
      { status: 'Suspended', message: 'Deployment is paused' },
    ],
  ])('%s', (_name, finalizers, expected) => {
    const obj = deployment({
      metadata: { deletionTimestamp: '2025-03-01T10:00:00Z', finalizers },
      spec: { paused: true },
    });
    expect(coreWorkloadHealth('Deployment', obj)).toEqual(expected);
  });
});

describe('coreWorkloadHealth mirrors gitops-engine health_statefulset.go', () => {
  const sts = (spec: unknown, status: unknown) =>
    k8s('apps/v1', 'StatefulSet', {
      metadata: { generation: 1 },
      spec,
      status: { observedGeneration: 1, ...(status as object) },
    });
  it.each<[string, Record<string, unknown>, unknown, Health]>([
    [
      'spec not observed',
      { replicas: 1 },
      { observedGeneration: 0 },
      {
        status: 'Progressing',
        message: 'Waiting for statefulset spec update to be observed...',
      },
    ],
    [
      'pods not ready',
      { replicas: 3 },
      { readyReplicas: 1 },
      { status: 'Progressing', message: 'Waiting for 2 pods to be ready...' },
    ],
    [
      'partitioned roll out in progress',
      {
        replicas: 3,
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { partition: 1 },
        },
      },
      { readyReplicas: 3, updatedReplicas: 1 },
      {
        status: 'Progressing',
        message:
          'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...',
      },
    ],
    [
      'partitioned roll out complete',
      {
        replicas: 3,
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { partition: 1 },
        },
      },
      { readyReplicas: 3, updatedReplicas: 2 },
      {
        status: 'Healthy',
        message:
          'partitioned roll out complete: 2 new pods have been updated...',
      },
    ],
    [
      'OnDelete',
      { replicas: 3, updateStrategy: { type: 'OnDelete' } },
      { readyReplicas: 3, updatedReplicas: 1 },
      {
        status: 'Healthy',
        message: 'statefulset has 3 ready pods (1 updated)',
      },
    ],
    [
      'rolling update in progress',
      { replicas: 2 },
      {
        readyReplicas: 2,
        updatedReplicas: 1,
        updateRevision: 'db-7f9',
        currentRevision: 'db-6c4',
      },
      {
        status: 'Progressing',
        message:
          'waiting for statefulset rolling update to complete 1 pods at revision db-7f9...',
      },
    ],
    [
      'rolling update complete',
      { replicas: 2 },
      {
        readyReplicas: 2,
        currentReplicas: 2,
        updateRevision: 'db-7f9',
        currentRevision: 'db-7f9',
      },
      {
        status: 'Healthy',
        message:
          'statefulset rolling update complete 2 pods at revision db-7f9...',
      },
    ],
  ])('%s', (_name, spec, status, expected) => {
    expect(coreWorkloadHealth('StatefulSet', sts(spec, status))).toEqual(
      expected,
    );
  });
});

describe('coreWorkloadHealth mirrors gitops-engine health_daemonset.go', () => {
  const ds = (
    g: ReturnType<typeof generation>,
    spec: unknown,
    status: object,
  ) =>
    k8s('apps/v1', 'DaemonSet', {
      metadata: g.metadata,
      spec,
      status: { observedGeneration: g.observed, ...status },
    });
  it.each<[string, ReturnType<typeof generation>, unknown, object, Health]>([
    [
      'generation not observed',
      generation(2, 1),
      {},
      {},
      {
        status: 'Progressing',
        message:
          'Waiting for rollout to finish: observed daemon set generation less then desired generation',
      },
    ],
    [
      'OnDelete',
      generation(1, 1),
      { updateStrategy: { type: 'OnDelete' } },
      { updatedNumberScheduled: 1, desiredNumberScheduled: 3 },
      {
        status: 'Healthy',
        message: 'daemon set 1 out of 3 new pods have been updated',
      },
    ],
    [
      'pods not updated',
      generation(1, 1),
      {},
      { updatedNumberScheduled: 1, desiredNumberScheduled: 3 },
      {
        status: 'Progressing',
        message:
          'Waiting for daemon set "web" rollout to finish: 1 out of 3 new pods have been updated...',
      },
    ],
    [
      'pods not available',
      generation(1, 1),
      {},
      {
        updatedNumberScheduled: 3,
        desiredNumberScheduled: 3,
        numberAvailable: 2,
      },
      {
        status: 'Progressing',
        message:
          'Waiting for daemon set "web" rollout to finish: 2 of 3 updated pods are available...',
      },
    ],
    [
      'rolled out',
      generation(1, 1),
      {},
      {
        updatedNumberScheduled: 3,
        desiredNumberScheduled: 3,
        numberAvailable: 3,
      },
      { status: 'Healthy' },
    ],
  ])('%s', (_name, g, spec, status, expected) => {
    expect(coreWorkloadHealth('DaemonSet', ds(g, spec, status))).toEqual(
      expected,
    );
  });
});

describe('coreWorkloadHealth mirrors gitops-engine health_job.go', () => {
  const job = (conditions: unknown[]) =>
    k8s('batch/v1', 'Job', { spec: {}, status: { conditions } });
  it.each<[string, unknown[], Health]>([
    ['running', [], { status: 'Progressing' }],
    [
      'complete',
      [cond('Complete', 'True', undefined, 'done')],
      { status: 'Healthy', message: 'done' },
    ],
    [
      'failed',
      [
        cond(
          'Failed',
          'True',
          'BackoffLimitExceeded',
          'Job has reached the specified backoff limit',
        ),
      ],
      {
        status: 'Degraded',
        message: 'Job has reached the specified backoff limit',
      },
    ],
    [
      'suspended',
      [cond('Suspended', 'True', 'JobSuspended', 'Job suspended')],
      { status: 'Suspended', message: 'Job suspended' },
    ],
    [
      'resumed (Suspended=False)',
      [cond('Suspended', 'False', 'JobResumed', 'Job resumed')],
      { status: 'Healthy', message: 'Job resumed' },
    ],
  ])('%s', (_name, conditions, expected) => {
    expect(coreWorkloadHealth('Job', job(conditions))).toEqual(expected);
  });
});

describe('coreWorkloadHealth mirrors gitops-engine health_pvc.go, health_service.go, health_ingress.go', () => {
  const lb = { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } };
  it.each<[string, CoreWorkloadKind, string, ObjectParts, Health]>([
    [
      'PVC Bound',
      'PersistentVolumeClaim',
      'v1',
      { status: { phase: 'Bound' } },
      { status: 'Healthy' },
    ],
    [
      'PVC Pending',
      'PersistentVolumeClaim',
      'v1',
      { status: { phase: 'Pending' } },
      { status: 'Progressing' },
    ],
    [
      'PVC Lost',
      'PersistentVolumeClaim',
      'v1',
      { status: { phase: 'Lost' } },
      { status: 'Degraded' },
    ],
    [
      'PVC without a phase',
      'PersistentVolumeClaim',
      'v1',
      {},
      { status: 'Unknown' },
    ],
    [
      'ClusterIP Service',
      'Service',
      'v1',
      { spec: { type: 'ClusterIP' } },
      { status: 'Healthy' },
    ],
    [
      'LoadBalancer waiting for an address',
      'Service',
      'v1',
      { spec: { type: 'LoadBalancer' }, status: {} },
      { status: 'Progressing' },
    ],
    [
      'LoadBalancer with an address',
      'Service',
      'v1',
      { spec: { type: 'LoadBalancer' }, status: lb },
      { status: 'Healthy' },
    ],
    [
      'Ingress without an address',
      'Ingress',
      'networking.k8s.io/v1',
      { spec: {} },
      { status: 'Progressing' },
    ],
    [
      'Ingress with an address',
      'Ingress',
      'networking.k8s.io/v1',
      { spec: {}, status: lb },
      { status: 'Healthy' },
    ],
  ])('%s', (_name, kind, apiVersion, parts, expected) => {
    expect(coreWorkloadHealth(kind, k8s(apiVersion, kind, parts))).toEqual(
      expected,
    );
  });
});

describe('coreWorkloadHealth mirrors gitops-engine health_hpa.go', () => {
  const v2 = (conditions: unknown[]) =>
    k8s('autoscaling/v2', 'HorizontalPodAutoscaler', {
      spec: {},
      status: { conditions },
    });
  const v1 = (annotation?: string) =>
    k8s('autoscaling/v1', 'HorizontalPodAutoscaler', {
      metadata:
        annotation === undefined
          ? {}
          : {
              annotations: {
                'autoscaling.alpha.kubernetes.io/conditions': annotation,
              },
            },
      spec: {},
    });
  const able = cond(
    'AbleToScale',
    'True',
    'ReadyForNewScale',
    'recommended size matches current size',
  );
  it.each<[string, unknown, Health]>([
    [
      'every condition healthy',
      v2([
        able,
        cond(
          'ScalingLimited',
          'True',
          'TooFewReplicas',
          'the desired replica count is less than the minimum',
        ),
      ]),
      {
        status: 'Healthy',
        message:
          'recommended size matches current size,the desired replica count is less than the minimum',
      },
    ],
    [
      'a failure reason',
      v2([
        able,
        cond(
          'ScalingActive',
          'False',
          'FailedGetResourceMetric',
          'unable to get metrics for cpu',
        ),
      ]),
      { status: 'Degraded', message: 'unable to get metrics for cpu' },
    ],
    [
      'ScalingActive=True is neither: waiting',
      v2([able, cond('ScalingActive', 'True', 'ValidMetricFound', 'valid')]),
      { status: 'Progressing', message: 'Waiting to Autoscale' },
    ],
    [
      'v1 without the conditions annotation',
      v1(),
      { status: 'Progressing', message: 'Waiting to Autoscale' },
    ],
    [
      'v1 conditions from the annotation',
      v1(
        JSON.stringify([
          {
            type: 'AbleToScale',
            status: 'True',
            reason: 'SucceededRescale',
            message: 'rescaled',
          },
        ]),
      ),
      { status: 'Healthy', message: 'rescaled' },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(coreWorkloadHealth('HorizontalPodAutoscaler', obj)).toEqual(
      expected,
    );
  });

  it('a v1 annotation that is not JSON is Unknown', () => {
    expect(coreWorkloadHealth('HorizontalPodAutoscaler', v1('{')).status).toBe(
      'Unknown',
    );
  });
});

describe('coreWorkloadStatus', () => {
  it.each<[CoreWorkloadKind, string, ObjectParts, boolean]>([
    ['Deployment', 'apps/v1', { spec: { paused: true } }, true],
    ['Job', 'batch/v1', { spec: { suspend: true } }, true],
    ['Service', 'v1', { spec: {} }, false],
  ])('%s suspended: %s', (kind, apiVersion, parts, suspended) => {
    expect(
      coreWorkloadStatus(kind)(k8s(apiVersion, kind, parts)),
    ).toMatchObject({ sync: 'Unknown', suspended });
  });
});
