import { objectStatusSchema } from '../schema';
import { canary } from '../__fixtures__/flagger';
import { cond, k8s } from '../__fixtures__/objects';
import { rollout } from '../__fixtures__/rollout';
import { normalizeObject, NormalizeOptions } from './normalizeObject';

// normalizeObject does not parse its output at run time (see there): these cases hold every engine's
// record to the API contract instead, field for field (a stray key would be stripped by the parse).
const options: NormalizeOptions = {
  cluster: 'prod-eu',
  environment: 'prod',
  now: new Date('2025-03-01T12:00:00Z'),
};
const ready = cond('Ready', 'True', 'Available');

describe('normalizeObject output contract', () => {
  it.each<[string, unknown, NormalizeOptions['crossplaneRole']?]>([
    [
      'Argo CD Application with resources and an operation',
      k8s('argoproj.io/v1alpha1', 'Application', {
        spec: { source: { repoURL: 'https://git/x', path: 'apps/web' } },
        status: {
          sync: { status: 'OutOfSync', revision: 'a'.repeat(40) },
          health: { status: 'Degraded', message: 'crash loop' },
          operationState: {
            phase: 'Failed',
            message: 'one or more objects failed',
            startedAt: '2025-03-01T11:00:00Z',
            finishedAt: '2025-03-01T11:01:00Z',
          },
          resources: [
            {
              kind: 'Deployment',
              name: 'web',
              namespace: 'web',
              status: 'OutOfSync',
              health: { status: 'Degraded', message: 'x' },
            },
            {
              group: 'networking.k8s.io',
              version: 'v1',
              kind: 'Ingress',
              name: 'web',
              status: 'Synced',
              requiresPruning: true,
            },
          ],
          conditions: [cond('SyncError', 'True', undefined, 'boom')],
        },
      }),
    ],
    [
      'Argo CD ApplicationSet',
      k8s('argoproj.io/v1alpha1', 'ApplicationSet', {
        spec: {},
        status: { conditions: [cond('ResourcesUpToDate', 'True')] },
      }),
    ],
    [
      'Argo Rollout mid-canary',
      rollout({ phase: 'Progressing', currentStepIndex: 1 }),
    ],
    ['Flagger Canary', canary({ phase: 'Progressing', canaryWeight: 20 })],
    [
      'Flux Kustomization',
      k8s('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
        metadata: { generation: 3 },
        spec: { suspend: false, path: './apps' },
        status: {
          observedGeneration: 3,
          lastAppliedRevision: 'main@sha1:abc',
          conditions: [ready],
        },
      }),
    ],
    [
      'Flux HelmRelease, suspended',
      k8s('helm.toolkit.fluxcd.io/v2', 'HelmRelease', {
        spec: { suspend: true },
        status: { conditions: [ready] },
      }),
    ],
    [
      'Crossplane claim',
      k8s('platform.example.org/v1alpha1', 'Database', {
        spec: {
          resourceRef: {
            apiVersion: 'platform.example.org/v1alpha1',
            kind: 'XDatabase',
            name: 'db-x',
          },
        },
        status: { conditions: [ready, cond('Synced', 'True')] },
      }),
      'claim',
    ],
    [
      'Crossplane managed resource',
      k8s('rds.aws.upbound.io/v1beta1', 'Instance', {
        spec: {},
        status: {
          conditions: [cond('Ready', 'False', 'Creating')],
        },
      }),
    ],
    [
      'an object with no status at all',
      k8s('argoproj.io/v1alpha1', 'Application', { spec: {} }),
    ],
    [
      'Argo Rollouts AnalysisRun',
      k8s('argoproj.io/v1alpha1', 'AnalysisRun', {
        spec: {},
        status: { phase: 'Failed', message: 'metric failed' },
      }),
    ],
    [
      'Flux ImagePolicy',
      k8s('image.toolkit.fluxcd.io/v1beta2', 'ImagePolicy', {
        spec: {},
        status: { conditions: [ready] },
      }),
    ],
    [
      'Flux Alert (static)',
      k8s('notification.toolkit.fluxcd.io/v1beta3', 'Alert', { spec: {} }),
    ],
    [
      'Flux ExternalArtifact',
      k8s('source.toolkit.fluxcd.io/v1', 'ExternalArtifact', {
        status: {
          artifact: { revision: 'v1@sha256:abc' },
          conditions: [ready],
        },
      }),
    ],
    [
      'Flux ArtifactGenerator',
      k8s('source.extensions.fluxcd.io/v1beta1', 'ArtifactGenerator', {
        spec: {
          sources: [{ alias: 'repo', kind: 'GitRepository', name: 'fleet' }],
          artifacts: [
            { name: 'web', copy: [{ from: '@repo/web/**', to: '@artifact/' }] },
          ],
        },
        status: { conditions: [ready] },
      }),
    ],
    [
      'Crossplane Provider package',
      k8s('pkg.crossplane.io/v1', 'Provider', {
        spec: {},
        status: {
          conditions: [
            cond('Installed', 'True', 'ActivePackageRevision'),
            cond('Healthy', 'True', 'HealthyPackageRevision'),
          ],
        },
      }),
    ],
    [
      'cert-manager Certificate with Stalled-like disagreement',
      k8s('cert-manager.io/v1', 'Certificate', {
        spec: {},
        status: {
          conditions: [ready, cond('Stalled', 'True', 'Failed', 'gave up')],
        },
      }),
    ],
    [
      'External Secrets ExternalSecret',
      k8s('external-secrets.io/v1', 'ExternalSecret', {
        metadata: { generation: 2 },
        spec: {},
        status: { syncedResourceVersion: '1-abc', conditions: [ready] },
      }),
    ],
    ['SealedSecret', k8s('bitnami.com/v1alpha1', 'SealedSecret', { spec: {} })],
    [
      'Cluster API Cluster, paused',
      k8s('cluster.x-k8s.io/v1beta1', 'Cluster', {
        spec: { paused: true },
        status: { phase: 'Provisioned' },
      }),
    ],
    [
      'Deployment',
      k8s('apps/v1', 'Deployment', {
        metadata: { generation: 1 },
        spec: { replicas: 2 },
        status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2 },
      }),
    ],
    [
      'HorizontalPodAutoscaler',
      k8s('autoscaling/v2', 'HorizontalPodAutoscaler', {
        spec: {},
        status: {
          conditions: [cond('AbleToScale', 'True', 'ReadyForNewScale')],
        },
      }),
    ],
    ['a kind no engine reads', k8s('v1', 'ConfigMap', {})],
  ])('%s', (...[, obj, crossplaneRole]) => {
    const record = normalizeObject(obj, { ...options, crossplaneRole });
    expect(objectStatusSchema.parse(record)).toEqual(record);
  });
});
