import { cond, k8s } from '../__fixtures__/objects';
import { NORMALIZE_LIMITS } from './engineStatus';
import {
  normalizeObject,
  NormalizeOptions,
  objectKey,
} from './normalizeObject';

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

describe('normalizeObject dispatch', () => {
  it.each([
    [
      'Argo CD Application',
      k8s('argoproj.io/v1alpha1', 'Application', {
        status: { health: { status: 'Healthy' } },
      }),
      'argocd',
      {},
    ],
    [
      'Argo CD ApplicationSet',
      k8s('argoproj.io/v1alpha1', 'ApplicationSet', { spec: {} }),
      'argocd',
      {},
    ],
    [
      'Argo Rollout',
      k8s('argoproj.io/v1alpha1', 'Rollout', {
        metadata: { generation: 1 },
        spec: {},
        status: { observedGeneration: '1', phase: 'Healthy' },
      }),
      'argo-rollouts',
      {},
    ],
    [
      'Flagger Canary',
      k8s('flagger.app/v1beta1', 'Canary', {
        spec: {},
        status: { phase: 'Succeeded', canaryWeight: 0, conditions: [] },
      }),
      'flagger',
      {},
    ],
    [
      'Flux Kustomization',
      k8s('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', { spec: {} }),
      'flux',
      {},
    ],
    [
      'Flux HelmRelease',
      k8s('helm.toolkit.fluxcd.io/v2', 'HelmRelease', { spec: {} }),
      'flux',
      {},
    ],
    [
      'Flux GitRepository',
      k8s('source.toolkit.fluxcd.io/v1', 'GitRepository', { spec: {} }),
      'flux',
      {},
    ],
    [
      'Flux OCIRepository',
      k8s('source.toolkit.fluxcd.io/v1beta2', 'OCIRepository', { spec: {} }),
      'flux',
      {},
    ],
    [
      'Crossplane XRD',
      k8s('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', {
        spec: {},
      }),
      'crossplane',
      { crossplane: { role: 'xrd' } },
    ],
    [
      'upbound managed resource',
      k8s('rds.aws.upbound.io/v1beta1', 'Instance', { spec: {} }),
      'crossplane',
      { crossplane: { role: 'managed' } },
    ],
    [
      'crossplane.io managed resource',
      k8s('s3.aws.crossplane.io/v1beta1', 'Bucket', { spec: {} }),
      'crossplane',
      { crossplane: { role: 'managed' } },
    ],
  ])('%s', (_name, obj, engine, extra) => {
    expect(normalizeObject(obj, options)).toMatchObject({ engine, ...extra });
  });

  it.each(['claim', 'composite', 'managed'] as const)(
    'a user-defined group with crossplaneRole %s is Crossplane',
    role => {
      const obj = k8s('platform.example.org/v1alpha1', 'Database', {
        status: { conditions: [cond('Ready', 'True')] },
      });
      expect(
        normalizeObject(obj, { ...options, crossplaneRole: role }),
      ).toMatchObject({
        engine: 'crossplane',
        health: { status: 'Healthy', message: 'Resource is up-to-date.' },
        crossplane: { role },
      });
    },
  );

  it('does not take a Flux kind name in another group for Flux', () => {
    const obj = k8s('example.org/v1', 'Kustomization', { spec: {} });
    expect(normalizeObject(obj, options)).toMatchObject({
      engine: 'crossplane',
      health: {
        status: 'Unknown',
        message:
          'Argo CD has no built-in health check for example.org/Kustomization',
      },
    });
  });

  it.each([
    [
      'a Flux-family kind the portal does not read (a kind not in the registry)',
      'source.extensions.fluxcd.io/v1beta1',
      'UnregisteredKind',
      'flux',
    ],
    [
      'an Argo kind the portal does not read',
      'argoproj.io/v1alpha1',
      'AppProject',
      'argocd',
    ],
    ['a core kind', 'v1', 'ConfigMap', 'kubernetes'],
    [
      'a cert-manager kind the portal does not read',
      'acme.cert-manager.io/v1',
      'Order',
      'cert-manager',
    ],
    [
      'a Cluster API kind the portal does not read',
      'infrastructure.cluster.x-k8s.io/v1beta1',
      'AWSCluster',
      'cluster-api',
    ],
  ])('%s is Unknown', (_name, apiVersion, kind, engine) => {
    const record = normalizeObject(
      k8s(apiVersion, kind, { spec: {} }),
      options,
    );
    expect(record.engine).toBe(engine);
    expect(record.health.status).toBe('Unknown');
    expect(record.health.message).toMatch(
      /^Argo CD has no built-in health check for /,
    );
  });
});

describe('normalizeObject common fields', () => {
  it('fills identity, environment and observation time', () => {
    expect(normalizeObject(argoApp, options)).toEqual({
      key: 'prod-eu/argoproj.io/Application/argocd/sample',
      engine: 'argocd',
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      cluster: 'prod-eu',
      namespace: 'argocd',
      name: 'sample',
      uid: 'uid-1',
      environment: 'prod',
      entityRefs: [],
      sync: 'Synced',
      health: { status: 'Healthy' },
      conditions: [],
      suspended: false,
      // No syncPolicy: synced by hand.
      driftPolicy: { automated: false },
      observedAt: '2025-03-01T12:00:00.000Z',
    });
  });

  it('takes the environment label over the cluster environment', () => {
    const obj = k8s('argoproj.io/v1alpha1', 'Application', {
      metadata: { labels: { 'gitops-portal.io/environment': 'staging' } },
    });
    expect(normalizeObject(obj, options).environment).toBe('staging');
  });

  it('leaves environment out when nothing names one', () => {
    expect(normalizeObject(argoApp, { cluster: 'c' })).not.toHaveProperty(
      'environment',
    );
  });

  it.each([
    [
      {
        cluster: 'c',
        apiGroup: 'argoproj.io',
        kind: 'Application',
        namespace: 'argocd',
        name: 'shop',
      },
      'c/argoproj.io/Application/argocd/shop',
    ],
    [
      { cluster: 'c', apiGroup: '', kind: 'Namespace', name: 'shop' },
      'c//Namespace//shop',
    ],
  ])('objectKey %j', (parts, expected) => {
    expect(objectKey(parts)).toBe(expected);
  });

  it('keys a cluster-scoped object with an empty namespace', () => {
    const xrd = k8s(
      'apiextensions.crossplane.io/v1',
      'CompositeResourceDefinition',
      { metadata: { namespace: undefined } },
    );
    expect(normalizeObject(xrd, options).key).toBe(
      'prod-eu/apiextensions.crossplane.io/CompositeResourceDefinition//sample',
    );
  });

  it('clips huge health messages', () => {
    const obj = k8s('argoproj.io/v1alpha1', 'Application', {
      status: { health: { status: 'Degraded', message: 'x'.repeat(100_000) } },
    });
    const message = normalizeObject(obj, options).health.message ?? '';
    expect(message).toHaveLength(NORMALIZE_LIMITS.messageLength);
    expect(message.endsWith('…')).toBe(true);
  });

  it('bounds the number of conditions and resources of a huge object', () => {
    const conditions = Array.from({ length: 5000 }, (_, i) =>
      cond(`Type${i}`, 'True'),
    );
    const resources = Array.from({ length: 20_000 }, (_, i) => ({
      version: 'v1',
      kind: 'ConfigMap',
      name: `cm-${i}`,
      status: 'Synced',
    }));
    const record = normalizeObject(
      k8s('argoproj.io/v1alpha1', 'Application', {
        status: { conditions, resources },
      }),
      options,
    );
    expect(record.conditions).toHaveLength(NORMALIZE_LIMITS.conditions);
    expect(record.resources).toHaveLength(NORMALIZE_LIMITS.resources);
  });
});
