import { cond, k8s, ObjectParts } from '../__fixtures__/objects';
import {
  argoApplicationSetStatus,
  argoApplicationStatus,
} from './argoApplication';

const app = (parts: ObjectParts) =>
  k8s('argoproj.io/v1alpha1', 'Application', parts);
const appSet = (parts: ObjectParts) =>
  k8s('argoproj.io/v1alpha1', 'ApplicationSet', parts);

describe('argoApplicationStatus', () => {
  const full = app({
    spec: {
      source: {
        repoURL: 'https://git.example.org/shop.git',
        path: 'deploy/prod',
        targetRevision: 'main',
      },
    },
    status: {
      sync: {
        status: 'OutOfSync',
        revision: '4f1c2a9d1e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a',
      },
      health: {
        status: 'Progressing',
        message: 'Waiting for rollout',
        lastTransitionTime: '2025-03-01T10:05:00Z',
      },
      reconciledAt: '2025-03-01T10:06:00Z',
      operationState: {
        phase: 'Running',
        message: 'waiting for healthy state of apps/Deployment/web',
        startedAt: '2025-03-01T10:04:00Z',
      },
      conditions: [
        {
          type: 'SyncError',
          message: 'one or more objects failed to apply',
          lastTransitionTime: '2025-03-01T10:04:30Z',
        },
      ],
      resources: [
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'shop',
          name: 'web',
          status: 'Synced',
          health: {
            status: 'Progressing',
            message: 'Waiting for rollout to finish',
          },
        },
        {
          version: 'v1',
          kind: 'ConfigMap',
          namespace: 'shop',
          name: 'web-config',
          status: 'OutOfSync',
        },
        {
          version: 'v1',
          kind: 'Secret',
          namespace: 'shop',
          name: 'old',
          status: 'OutOfSync',
          requiresPruning: true,
        },
        { version: 'v1', kind: 'Service', status: 'Synced' },
      ],
    },
  });

  it('reads sync, health and revision', () => {
    expect(argoApplicationStatus(full)).toMatchObject({
      sync: 'OutOfSync',
      health: { status: 'Progressing', message: 'Waiting for rollout' },
      revision: '4f1c2a9d1e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a',
      suspended: false,
    });
  });

  it('reads the running operation', () => {
    expect(argoApplicationStatus(full).operation).toEqual({
      phase: 'Running',
      message: 'waiting for healthy state of apps/Deployment/web',
      startedAt: '2025-03-01T10:04:00.000Z',
    });
  });

  it('reads the source', () => {
    expect(argoApplicationStatus(full).source).toEqual({
      repoURL: 'https://git.example.org/shop.git',
      path: 'deploy/prod',
      targetRevision: 'main',
    });
  });

  it('reads the per-resource list, skipping entries without a name', () => {
    expect(argoApplicationStatus(full).resources).toEqual([
      {
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        sync: 'Synced',
        health: 'Progressing',
        message: 'Waiting for rollout to finish',
      },
      {
        group: '',
        version: 'v1',
        kind: 'ConfigMap',
        namespace: 'shop',
        name: 'web-config',
        sync: 'OutOfSync',
      },
      {
        group: '',
        version: 'v1',
        kind: 'Secret',
        namespace: 'shop',
        name: 'old',
        sync: 'OutOfSync',
        requiresPruning: true,
      },
    ]);
  });

  it('reads conditions with type, message and time', () => {
    expect(argoApplicationStatus(full).conditions).toEqual([
      {
        type: 'SyncError',
        message: 'one or more objects failed to apply',
        lastTransitionTime: '2025-03-01T10:04:30.000Z',
      },
    ]);
  });

  it.each([
    [
      'reconciledAt is latest',
      {
        reconciledAt: '2025-03-01T10:06:00Z',
        operationState: {
          phase: 'Succeeded',
          finishedAt: '2025-03-01T10:01:00Z',
        },
      },
      '2025-03-01T10:06:00.000Z',
    ],
    [
      'operation finish is latest',
      {
        reconciledAt: '2025-03-01T10:00:00Z',
        operationState: {
          phase: 'Succeeded',
          finishedAt: '2025-03-01T10:09:00Z',
        },
      },
      '2025-03-01T10:09:00.000Z',
    ],
    [
      'health transition is latest',
      {
        reconciledAt: '2025-03-01T10:00:00Z',
        health: {
          status: 'Healthy',
          lastTransitionTime: '2025-03-02T00:00:00Z',
        },
      },
      '2025-03-02T00:00:00.000Z',
    ],
    [
      'unparsable times are ignored',
      {
        reconciledAt: 'yesterday',
        health: {
          status: 'Healthy',
          lastTransitionTime: '2025-03-02T00:00:00Z',
        },
      },
      '2025-03-02T00:00:00.000Z',
    ],
    ['no times', {}, undefined],
  ])('lastTransitionTime: %s', (_name, status, expected) => {
    expect(argoApplicationStatus(app({ status })).lastTransitionTime).toBe(
      expected,
    );
  });

  it.each([
    [
      'single source revision',
      { sync: { status: 'Synced', revision: 'aaa111' } },
      'aaa111',
    ],
    [
      'multi-source: the first revision',
      { sync: { status: 'Synced', revisions: ['bbb222', 'ccc333'] } },
      'bbb222',
    ],
    ['no revision', { sync: { status: 'Synced' } }, undefined],
  ])('revision: %s', (_name, status, expected) => {
    expect(argoApplicationStatus(app({ status })).revision).toBe(expected);
  });

  it('takes the first of several sources', () => {
    const multi = app({
      spec: {
        sources: [
          {
            repoURL: 'https://charts.example.org',
            chart: 'web',
            targetRevision: '1.2.3',
          },
          { repoURL: 'https://git.example.org/values.git', ref: 'values' },
        ],
      },
    });
    expect(argoApplicationStatus(multi).source).toEqual({
      repoURL: 'https://charts.example.org',
      chart: 'web',
      targetRevision: '1.2.3',
    });
  });

  it.each([
    ['Synced', 'Synced'],
    ['OutOfSync', 'OutOfSync'],
    ['Unknown', 'Unknown'],
    ['Weird', 'Unknown'],
    [undefined, 'Unknown'],
  ])('sync %s -> %s', (reported, expected) => {
    expect(
      argoApplicationStatus(app({ status: { sync: { status: reported } } }))
        .sync,
    ).toBe(expected);
  });

  it.each(['Running', 'Succeeded', 'Failed', 'Error', 'Terminating'])(
    'operation phase %s is kept',
    phase => {
      expect(
        argoApplicationStatus(app({ status: { operationState: { phase } } }))
          .operation,
      ).toEqual({ phase });
    },
  );

  it('drops an operation whose phase is not one', () => {
    expect(
      argoApplicationStatus(
        app({ status: { operationState: { phase: 'Queued' } } }),
      ).operation,
    ).toBeUndefined();
  });
});

describe('argoApplicationSetStatus', () => {
  it('has no sync of its own and lists its applications', () => {
    const set = appSet({
      status: {
        conditions: [
          cond('ResourcesUpToDate', 'True', 'ApplicationSetUpToDate', 'ok'),
        ],
        resources: [
          {
            group: 'argoproj.io',
            version: 'v1alpha1',
            kind: 'Application',
            namespace: 'argocd',
            name: 'shop-dev',
            status: 'Synced',
            health: { status: 'Healthy' },
          },
        ],
      },
    });
    expect(argoApplicationSetStatus(set)).toMatchObject({
      sync: 'Unknown',
      health: { status: 'Healthy', message: 'ok' },
      resources: [
        {
          kind: 'Application',
          name: 'shop-dev',
          sync: 'Synced',
          health: 'Healthy',
        },
      ],
    });
  });
});
