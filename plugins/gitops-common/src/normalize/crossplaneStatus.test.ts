import { cond, k8s } from '../__fixtures__/objects';
import {
  crossplaneInfo,
  crossplaneObjectHealth,
  crossplaneStatus,
  crossplaneSync,
} from './crossplaneStatus';

const claim = (parts: Parameters<typeof k8s>[2]) =>
  k8s('platform.example.org/v1alpha1', 'Database', parts);

describe('crossplaneSync', () => {
  it.each([
    ['Synced=True', [cond('Synced', 'True')], 'Synced'],
    ['Synced=False', [cond('Synced', 'False', 'ReconcileError')], 'OutOfSync'],
    ['Synced=Unknown', [cond('Synced', 'Unknown')], 'Unknown'],
    ['no Synced condition', [cond('Ready', 'True')], 'Unknown'],
  ])('%s', (_name, conditions, expected) => {
    expect(crossplaneSync(claim({ status: { conditions } }))).toBe(expected);
  });

  it('is Unknown without status', () => {
    expect(crossplaneSync(claim({ spec: {} }))).toBe('Unknown');
  });
});

describe('crossplaneObjectHealth', () => {
  it.each([
    [
      'Argo rule when current',
      { generation: 2 },
      { conditions: [{ ...cond('Ready', 'True'), observedGeneration: 2 }] },
      { status: 'Healthy', message: 'Resource is up-to-date.' },
    ],
    [
      'stale condition is Progressing',
      { generation: 3 },
      {
        conditions: [
          {
            ...cond('Synced', 'False', 'ReconcileError', 'old error'),
            observedGeneration: 2,
          },
        ],
      },
      {
        status: 'Progressing',
        message:
          'Waiting for the controller to observe generation 3 (observed 2)',
      },
    ],
    [
      'deletion wins over stale',
      { generation: 3, deletionTimestamp: '2025-03-01T00:00:00Z' },
      { conditions: [{ ...cond('Ready', 'True'), observedGeneration: 1 }] },
      { status: 'Progressing', message: 'Pending deletion' },
    ],
  ])('%s', (_name, metadata, status, expected) => {
    expect(crossplaneObjectHealth(claim({ metadata, status }))).toEqual(
      expected,
    );
  });
});

describe('crossplaneInfo', () => {
  it('claim: composite and connection secret', () => {
    const obj = claim({
      spec: {
        resourceRef: {
          apiVersion: 'platform.example.org/v1alpha1',
          kind: 'XDatabase',
          name: 'orders-x7k2p',
        },
        writeConnectionSecretToRef: { name: 'orders-db' },
      },
    });
    expect(crossplaneInfo(obj, 'claim')).toEqual({
      role: 'claim',
      compositeRef: {
        apiVersion: 'platform.example.org/v1alpha1',
        kind: 'XDatabase',
        name: 'orders-x7k2p',
      },
      connectionSecretRef: { name: 'orders-db' },
    });
  });

  it('composite (v1 layout): claim and composed resources', () => {
    const obj = k8s('platform.example.org/v1alpha1', 'XDatabase', {
      spec: {
        claimRef: {
          apiVersion: 'platform.example.org/v1alpha1',
          kind: 'Database',
          name: 'orders',
          namespace: 'team-a',
        },
        resourceRefs: [
          {
            apiVersion: 'rds.aws.upbound.io/v1beta1',
            kind: 'Instance',
            name: 'orders-x7k2p-db',
          },
          {
            apiVersion: 'ec2.aws.upbound.io/v1beta1',
            kind: 'SecurityGroup',
            name: 'orders-x7k2p-sg',
          },
          { kind: 'Broken' },
        ],
      },
    });
    expect(crossplaneInfo(obj, 'composite')).toEqual({
      role: 'composite',
      claimRef: {
        apiVersion: 'platform.example.org/v1alpha1',
        kind: 'Database',
        name: 'orders',
        namespace: 'team-a',
      },
      resourceRefs: [
        {
          apiVersion: 'rds.aws.upbound.io/v1beta1',
          kind: 'Instance',
          name: 'orders-x7k2p-db',
        },
        {
          apiVersion: 'ec2.aws.upbound.io/v1beta1',
          kind: 'SecurityGroup',
          name: 'orders-x7k2p-sg',
        },
      ],
    });
  });

  it('composite (v2 layout under spec.crossplane)', () => {
    const obj = k8s('platform.example.org/v2', 'XDatabase', {
      spec: {
        crossplane: { resourceRefs: [{ kind: 'Instance', name: 'db' }] },
      },
    });
    expect(crossplaneInfo(obj, 'composite')).toEqual({
      role: 'composite',
      resourceRefs: [{ kind: 'Instance', name: 'db' }],
    });
  });

  it('composite: claim from labels when the spec has none', () => {
    const obj = k8s('platform.example.org/v1alpha1', 'XDatabase', {
      metadata: {
        labels: {
          'crossplane.io/claim-name': 'orders',
          'crossplane.io/claim-namespace': 'team-a',
        },
      },
      spec: {},
    });
    expect(crossplaneInfo(obj, 'composite').claimRef).toEqual({
      name: 'orders',
      namespace: 'team-a',
    });
  });

  it('managed: controlling composite from owner references', () => {
    const obj = k8s('rds.aws.upbound.io/v1beta1', 'Instance', {
      metadata: {
        ownerReferences: [
          {
            apiVersion: 'example.org/v1',
            kind: 'Other',
            name: 'not-controller',
          },
          {
            apiVersion: 'platform.example.org/v1alpha1',
            kind: 'XDatabase',
            name: 'orders-x7k2p',
            controller: true,
          },
        ],
        labels: {
          'crossplane.io/claim-name': 'orders',
          'crossplane.io/claim-namespace': 'team-a',
        },
      },
      spec: {
        writeConnectionSecretToRef: {
          name: 'db-conn',
          namespace: 'crossplane-system',
        },
      },
    });
    expect(crossplaneInfo(obj, 'managed')).toEqual({
      role: 'managed',
      compositeRef: {
        apiVersion: 'platform.example.org/v1alpha1',
        kind: 'XDatabase',
        name: 'orders-x7k2p',
      },
      claimRef: { name: 'orders', namespace: 'team-a' },
      connectionSecretRef: { name: 'db-conn', namespace: 'crossplane-system' },
    });
  });

  it('managed: composite from the label when there is no owner', () => {
    const obj = k8s('rds.aws.upbound.io/v1beta1', 'Instance', {
      metadata: { labels: { 'crossplane.io/composite': 'orders-x7k2p' } },
    });
    expect(crossplaneInfo(obj, 'managed')).toEqual({
      role: 'managed',
      compositeRef: { name: 'orders-x7k2p' },
    });
  });

  it('xrd: role only', () => {
    expect(
      crossplaneInfo(
        k8s(
          'apiextensions.crossplane.io/v1',
          'CompositeResourceDefinition',
          {},
        ),
        'xrd',
      ),
    ).toEqual({ role: 'xrd' });
  });
});

describe('crossplaneStatus', () => {
  it.each([
    ['paused annotation', { 'crossplane.io/paused': 'true' }, true],
    ['paused false', { 'crossplane.io/paused': 'false' }, false],
    ['no annotation', {}, false],
  ])('suspended: %s', (_name, annotations, expected) => {
    expect(
      crossplaneStatus(claim({ metadata: { annotations } }), 'claim').suspended,
    ).toBe(expected);
  });

  it('fills sync, health, conditions and time', () => {
    const obj = claim({
      status: {
        conditions: [
          {
            ...cond('Synced', 'True', 'ReconcileSuccess'),
            lastTransitionTime: '2025-03-01T10:00:00Z',
          },
          {
            ...cond('Ready', 'True', 'Available'),
            lastTransitionTime: '2025-03-01T10:03:00Z',
          },
        ],
      },
    });
    expect(crossplaneStatus(obj, 'claim')).toMatchObject({
      sync: 'Synced',
      health: { status: 'Healthy', message: 'Resource is up-to-date.' },
      lastTransitionTime: '2025-03-01T10:03:00.000Z',
      conditions: [{ type: 'Synced' }, { type: 'Ready' }],
      crossplane: { role: 'claim' },
    });
  });
});
