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
    ['a kind no engine reads', k8s('v1', 'ConfigMap', {})],
  ])('%s', (...[, obj, crossplaneRole]) => {
    const record = normalizeObject(obj, { ...options, crossplaneRole });
    expect(objectStatusSchema.parse(record)).toEqual(record);
  });
});
