import { Health } from '../schema';
import { cond, DELETING, k8s } from '../__fixtures__/objects';
import {
  ASYNC_OPERATION_MESSAGE,
  crossplaneManagedHealth,
} from './crossplaneHealth';
import { normalizeObject } from './normalizeObject';

const ready = cond('Ready', 'True', 'Available');
const synced = cond('Synced', 'True', 'ReconcileSuccess');

/** Classic providers report Synced + Ready; Upjet providers add LastAsyncOperation and AsyncOperation. */
describe.each([
  [
    'classic provider (provider-kubernetes Object)',
    'kubernetes.crossplane.io/v1alpha2',
    'Object',
  ],
  [
    'Upjet provider (provider-aws-s3 Bucket)',
    's3.aws.upbound.io/v1beta1',
    'Bucket',
  ],
])('crossplaneManagedHealth, %s', (_name, apiVersion, kind) => {
  const managed = (conditions: unknown[], metadata = {}) =>
    k8s(apiVersion, kind, { metadata, spec: {}, status: { conditions } });

  it.each<[string, unknown[], Health]>([
    [
      'Synced and Ready',
      [synced, ready],
      { status: 'Healthy', message: 'Resource is up-to-date.' },
    ],
    [
      'Ready=True before Synced=False: Degraded whatever the order',
      [
        ready,
        cond(
          'Synced',
          'False',
          'ReconcileError',
          'cannot update: access denied',
        ),
      ],
      { status: 'Degraded', message: 'cannot update: access denied' },
    ],
    [
      'LastAsyncOperation=False after Ready=True: Degraded',
      [
        ready,
        synced,
        cond(
          'LastAsyncOperation',
          'False',
          'ApplyFailure',
          'apply failed: quota exceeded',
        ),
      ],
      { status: 'Degraded', message: 'apply failed: quota exceeded' },
    ],
    [
      'AsyncOperation=False (Ongoing) with Ready=True: Progressing',
      [ready, synced, cond('AsyncOperation', 'False', 'Ongoing')],
      { status: 'Progressing', message: ASYNC_OPERATION_MESSAGE },
    ],
    [
      'AsyncOperation=True (Finished): Healthy',
      [
        ready,
        synced,
        cond('AsyncOperation', 'True', 'Finished'),
        cond('LastAsyncOperation', 'True', 'Success'),
      ],
      { status: 'Healthy', message: 'Resource is up-to-date.' },
    ],
    [
      'Ready=False alone: still provisioning',
      [cond('Ready', 'False', 'Creating')],
      { status: 'Progressing', message: 'Provisioning ...' },
    ],
  ])('%s', (_case, conditions, expected) => {
    expect(crossplaneManagedHealth(managed(conditions))).toEqual(expected);
  });

  it('pending deletion stays first', () => {
    expect(
      crossplaneManagedHealth(
        managed([cond('Synced', 'False', 'ReconcileError', 'x')], DELETING),
      ).status,
    ).toBe('Progressing');
  });
});

describe('normalizeObject applies the managed-resource readiness only to managed resources', () => {
  const conditions = [
    ready,
    cond('Synced', 'False', 'ReconcileError', 'denied'),
  ];
  it.each<['claim' | 'managed', Health['status']]>([
    ['managed', 'Degraded'],
    ['claim', 'Healthy'],
  ])('role %s', (role, status) => {
    const obj = k8s('platform.example.org/v1alpha1', 'Database', {
      spec: {},
      status: { conditions },
    });
    expect(
      normalizeObject(obj, { cluster: 'dev', crossplaneRole: role }).health
        .status,
    ).toBe(status);
  });
});
