import { objectStatusSchema } from '../schema';
import { cond, k8s } from '../__fixtures__/objects';
import { normalizeObject, NormalizeOptions } from './normalizeObject';

const NOW = new Date('2025-03-01T12:00:00Z');
const options: NormalizeOptions = {
  cluster: 'prod-eu',
  environment: 'prod',
  now: NOW,
};

const argoApp = k8s('argoproj.io/v1alpha1', 'Application', {
  metadata: { namespace: 'argocd', uid: 'uid-1' },
  spec: {},
  status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } },
});

describe('normalizeObject on malformed input', () => {
  const kustomization = (parts: Parameters<typeof k8s>[2]) =>
    k8s('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', parts);
  it.each<[string, unknown, string]>([
    ['null', null, 'Object is not a JSON object'],
    ['a string', 'Kustomization', 'Object is not a JSON object'],
    ['an array', [argoApp], 'Object is not a JSON object'],
    [
      'no apiVersion',
      { kind: 'Application', metadata: { name: 'a' } },
      'Object has no apiVersion',
    ],
    [
      'apiVersion of the wrong type',
      { apiVersion: 1, kind: 'Application', metadata: { name: 'a' } },
      'Object has no apiVersion',
    ],
    [
      'no kind',
      { apiVersion: 'argoproj.io/v1alpha1', metadata: { name: 'a' } },
      'Object has no kind',
    ],
    [
      'no metadata',
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' },
      'Object has no metadata',
    ],
    [
      'no name',
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: {} },
      'Object has no metadata.name',
    ],
    [
      'status of the wrong type',
      kustomization({ spec: {}, status: 'Ready' }),
      'status is not an object',
    ],
    [
      'status as a list',
      kustomization({ spec: {}, status: [] }),
      'status is not an object',
    ],
    [
      'spec of the wrong type',
      kustomization({ spec: 42 }),
      'spec is not an object',
    ],
    [
      'missing spec where the script needs it',
      kustomization({ status: { conditions: [cond('Ready', 'True')] } }),
      'Health check failed: spec is missing',
    ],
    [
      'legacy Rollout without conditions',
      k8s('argoproj.io/v1alpha1', 'Rollout', {
        metadata: { generation: 1 },
        spec: {},
        status: { observedGeneration: '1' },
      }),
      'Health check failed: status.conditions is missing',
    ],
    [
      'Rollout phase of the wrong type',
      k8s('argoproj.io/v1alpha1', 'Rollout', {
        metadata: { generation: 1 },
        spec: {},
        status: { observedGeneration: 1, phase: 7 },
      }),
      'Lua returned an invalid health status',
    ],
  ])('%s -> Unknown', (_name, obj, message) => {
    const record = normalizeObject(obj, options);
    expect(record.health).toEqual({ status: 'Unknown', message });
    expect(record.sync).toBe('Unknown');
    expect(objectStatusSchema.safeParse(record).success).toBe(true);
  });

  it.each<[string, unknown]>([
    [
      'conditions that are not a list',
      kustomization({ spec: {}, status: { conditions: 'Ready' } }),
    ],
    [
      'condition entries of the wrong type',
      kustomization({
        spec: {},
        status: { conditions: [null, 'Ready', 7, { type: 3 }] },
      }),
    ],
    [
      'conflicting conditions',
      kustomization({
        spec: {},
        status: {
          conditions: [cond('Ready', 'True'), cond('Ready', 'False', 'Failed')],
        },
      }),
    ],
    [
      'timestamps that do not parse',
      kustomization({
        spec: {},
        status: {
          conditions: [
            { ...cond('Ready', 'True'), lastTransitionTime: 'soon' },
          ],
        },
      }),
    ],
    [
      'labels of the wrong type',
      k8s('argoproj.io/v1alpha1', 'Application', {
        metadata: { labels: 'prod', annotations: [1] },
      }),
    ],
    [
      'Application fields of the wrong type',
      k8s('argoproj.io/v1alpha1', 'Application', {
        spec: { source: 'git' },
        status: {
          sync: 'Synced',
          health: 'Healthy',
          resources: {},
          operationState: [],
        },
      }),
    ],
    [
      'Crossplane refs of the wrong type',
      k8s('platform.example.org/v1', 'XDatabase', {
        spec: { resourceRefs: 'none', claimRef: 5 },
        status: { conditions: {} },
      }),
    ],
  ])('%s still yields a valid record', (_name, obj) => {
    const record = normalizeObject(obj, {
      ...options,
      crossplaneRole: 'composite',
    });
    expect(objectStatusSchema.safeParse(record).success).toBe(true);
  });
});

describe('normalizeObject failure paths', () => {
  it('reports a field that throws while being read', () => {
    const status = {};
    Object.defineProperty(status, 'conditions', {
      enumerable: true,
      get() {
        throw new Error('read failed');
      },
    });
    const obj = k8s('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
      spec: {},
      status,
    });
    expect(normalizeObject(obj, options).health).toEqual({
      status: 'Unknown',
      message: 'Could not normalise object: read failed',
    });
  });

  it('falls back to the current time for an invalid clock', () => {
    const record = normalizeObject(argoApp, {
      cluster: 'c',
      now: new Date('not a date'),
    });
    expect(Number.isNaN(Date.parse(record.observedAt))).toBe(false);
  });
});
