import { Health } from '../schema';
import { cond, DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import { FLUX_GROUPS, FluxKind } from './fluxHealth';
import { fluxObjectHealth, fluxSource, fluxStatus } from './fluxStatus';

const flux = (kind: FluxKind, parts: ObjectParts) =>
  k8s(`${FLUX_GROUPS[kind]}/v1`, kind, parts);
const SHA = '4f1c2a9d1e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a';

describe('fluxSource', () => {
  it.each<[FluxKind, Record<string, unknown>, Record<string, unknown>]>([
    [
      'Kustomization',
      {
        path: './apps/prod',
        sourceRef: { kind: 'GitRepository', name: 'shop' },
      },
      {
        path: './apps/prod',
        sourceRef: { kind: 'GitRepository', name: 'shop' },
      },
    ],
    [
      'HelmRelease',
      {
        chart: {
          spec: {
            chart: 'web',
            version: '1.x',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'charts',
              namespace: 'flux-system',
            },
          },
        },
      },
      {
        chart: 'web',
        targetRevision: '1.x',
        sourceRef: {
          kind: 'HelmRepository',
          name: 'charts',
          namespace: 'flux-system',
        },
      },
    ],
    [
      'HelmRelease',
      {
        chart: {
          spec: {
            chart: './charts/web',
            valuesFiles: ['./charts/web/values.yaml', './values/prod.yaml'],
            sourceRef: { kind: 'GitRepository', name: 'config' },
          },
        },
      },
      {
        chart: './charts/web',
        valueFiles: ['./charts/web/values.yaml', './values/prod.yaml'],
        sourceRef: { kind: 'GitRepository', name: 'config' },
      },
    ],
    [
      'HelmRelease',
      {
        chart: {
          spec: {
            chart: './charts/web',
            valuesFile: './values/prod.yaml',
            sourceRef: { kind: 'GitRepository', name: 'config' },
          },
        },
      },
      {
        chart: './charts/web',
        valueFiles: ['./values/prod.yaml'],
        sourceRef: { kind: 'GitRepository', name: 'config' },
      },
    ],
    [
      'HelmRelease',
      { chartRef: { kind: 'OCIRepository', name: 'web-chart' } },
      { sourceRef: { kind: 'OCIRepository', name: 'web-chart' } },
    ],
    [
      'GitRepository',
      { url: 'https://git.example.org/shop.git', ref: { branch: 'main' } },
      { repoURL: 'https://git.example.org/shop.git', targetRevision: 'main' },
    ],
    [
      'GitRepository',
      {
        url: 'https://git.example.org/shop.git',
        ref: { branch: 'main', commit: SHA },
      },
      { repoURL: 'https://git.example.org/shop.git', targetRevision: SHA },
    ],
    [
      'OCIRepository',
      { url: 'oci://registry.example.org/manifests/shop', ref: { tag: 'v2' } },
      {
        repoURL: 'oci://registry.example.org/manifests/shop',
        targetRevision: 'v2',
      },
    ],
    [
      'HelmRepository',
      { url: 'https://charts.example.org' },
      { repoURL: 'https://charts.example.org' },
    ],
    [
      'HelmChart',
      {
        chart: 'web',
        version: '2.0.0',
        sourceRef: { kind: 'HelmRepository', name: 'charts' },
      },
      {
        chart: 'web',
        targetRevision: '2.0.0',
        sourceRef: { kind: 'HelmRepository', name: 'charts' },
      },
    ],
    [
      'Bucket',
      { endpoint: 'minio.example.org', bucketName: 'manifests' },
      { repoURL: 'minio.example.org', path: 'manifests' },
    ],
  ])('%s', (kind, spec, expected) => {
    expect(fluxSource(kind, spec)).toEqual(expected);
  });

  it('is undefined without a spec', () => {
    expect(fluxSource('Kustomization', undefined)).toBeUndefined();
  });
});

describe('fluxObjectHealth: Argo CD rule plus the portal rules', () => {
  const healthy = {
    conditions: [
      cond('Ready', 'True', 'Succeeded'),
      cond('ArtifactInStorage', 'True'),
    ],
  };
  it.each<[string, Record<string, unknown>, Health]>([
    [
      'Argo rule when current',
      flux('Kustomization', {
        metadata: { generation: 2 },
        spec: {},
        status: {
          observedGeneration: 2,
          conditions: [cond('Ready', 'True', 'ReconciliationSucceeded')],
        },
      }),
      { status: 'Healthy', message: 'ReconciliationSucceeded' },
    ],
    [
      'stale observedGeneration is Progressing',
      flux('Kustomization', {
        metadata: { generation: 3 },
        spec: {},
        status: {
          observedGeneration: 2,
          conditions: [cond('Ready', 'True', 'ReconciliationSucceeded')],
        },
      }),
      {
        status: 'Progressing',
        message:
          'Waiting for the controller to observe generation 3 (observed 2)',
      },
    ],
    [
      'stale wins over Degraded',
      flux('HelmRelease', {
        metadata: { generation: 5 },
        spec: {},
        status: {
          observedGeneration: 4,
          conditions: [cond('Ready', 'False', 'UpgradeFailed')],
        },
      }),
      {
        status: 'Progressing',
        message:
          'Waiting for the controller to observe generation 5 (observed 4)',
      },
    ],
    [
      'never reconciled (-1) is stale',
      flux('GitRepository', {
        metadata: { generation: 1 },
        spec: {},
        status: { observedGeneration: -1 },
      }),
      {
        status: 'Progressing',
        message:
          'Waiting for the controller to observe generation 1 (observed -1)',
      },
    ],
    [
      'suspended wins over stale',
      flux('Kustomization', {
        metadata: { generation: 3 },
        spec: { suspend: true },
        status: { observedGeneration: 2 },
      }),
      { status: 'Suspended', message: 'Kustomization is suspended' },
    ],
    [
      'suspended OCIRepository is Suspended (portal rule)',
      flux('OCIRepository', { spec: { suspend: true }, status: healthy }),
      { status: 'Suspended', message: 'OCIRepository is suspended' },
    ],
    [
      'deletion wins over suspended',
      flux('OCIRepository', {
        metadata: { ...DELETING, generation: 3 },
        spec: { suspend: true },
        status: { observedGeneration: 1 },
      }),
      {
        status: 'Progressing',
        message:
          'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup',
      },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(fluxObjectHealth(obj)).toEqual(expected);
  });
});

describe('fluxStatus', () => {
  const ks = flux('Kustomization', {
    metadata: { generation: 4 },
    spec: {
      suspend: false,
      path: './prod',
      sourceRef: { kind: 'GitRepository', name: 'shop' },
    },
    status: {
      observedGeneration: 4,
      lastAppliedRevision: `main@sha1:${SHA}`,
      lastAttemptedRevision: `main@sha1:${SHA}`,
      conditions: [
        {
          ...cond(
            'Ready',
            'True',
            'ReconciliationSucceeded',
            `Applied revision: main@sha1:${SHA}`,
          ),
          lastTransitionTime: '2025-03-01T10:00:00Z',
        },
        {
          ...cond('Healthy', 'True', 'Succeeded'),
          lastTransitionTime: '2025-03-01T10:02:00Z',
        },
      ],
    },
  });

  it('fills the engine fields', () => {
    expect(fluxStatus(ks)).toEqual({
      sync: 'Synced',
      health: { status: 'Healthy', message: 'ReconciliationSucceeded' },
      revision: SHA,
      revisionRaw: `main@sha1:${SHA}`,
      source: {
        path: './prod',
        sourceRef: { kind: 'GitRepository', name: 'shop' },
      },
      // The Kustomization sets no prune: Flux's default (off).
      driftPolicy: { prune: false },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message: `Applied revision: main@sha1:${SHA}`,
          lastTransitionTime: '2025-03-01T10:00:00.000Z',
        },
        {
          type: 'Healthy',
          status: 'True',
          reason: 'Succeeded',
          lastTransitionTime: '2025-03-01T10:02:00.000Z',
        },
      ],
      lastTransitionTime: '2025-03-01T10:02:00.000Z',
      suspended: false,
    });
  });

  it.each([
    [true, true],
    [false, false],
    ['true', false],
  ])('spec.suspend %p -> suspended %p', (suspend, expected) => {
    expect(
      fluxStatus(flux('Kustomization', { spec: { suspend } })).suspended,
    ).toBe(expected);
  });
});
