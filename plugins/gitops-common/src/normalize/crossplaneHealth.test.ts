import { Health } from '../schema';
import {
  BLOCKED_MESSAGE,
  cond,
  DELETING,
  k8s,
  ObjectParts,
} from '../__fixtures__/objects';
import {
  crossplaneHealth,
  crossplaneHealthScriptFor,
} from './crossplaneHealth';

type Case = [string, Record<string, unknown>, Health];

const UP_TO_DATE: Health = {
  status: 'Healthy',
  message: 'Resource is up-to-date.',
};
const PROVISIONING: Health = {
  status: 'Progressing',
  message: 'Provisioning ...',
};
const IN_USE: Health = { status: 'Healthy', message: 'Resource is in use.' };

describe('crossplaneHealth mirrors _.crossplane.io/_/health.lua', () => {
  const bucket = (parts: ObjectParts) =>
    k8s('s3.aws.crossplane.io/v1beta1', 'Bucket', parts);
  const of = (apiVersion: string, kind: string, parts: ObjectParts) =>
    k8s(apiVersion, kind, parts);
  it.each<Case>([
    [
      'deleting',
      bucket({
        metadata: DELETING,
        status: { conditions: [cond('Ready', 'True')] },
      }),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    [
      'no status at all is Healthy, whatever the kind',
      bucket({ spec: {} }),
      UP_TO_DATE,
    ],
    [
      'empty status of a managed resource',
      bucket({ status: {} }),
      PROVISIONING,
    ],
    [
      'empty status of a Composition',
      of('apiextensions.crossplane.io/v1', 'Composition', { status: {} }),
      UP_TO_DATE,
    ],
    [
      'empty conditions of a ProviderConfig count as none',
      of('aws.crossplane.io/v1beta1', 'ProviderConfig', {
        status: { conditions: [] },
      }),
      UP_TO_DATE,
    ],
    [
      'ProviderConfig with users and no conditions',
      of('aws.crossplane.io/v1beta1', 'ProviderConfig', {
        status: { users: 4 },
      }),
      IN_USE,
    ],
    [
      'ClusterProviderConfig with users and no conditions',
      of('helm.m.crossplane.io/v1beta1', 'ClusterProviderConfig', {
        status: { users: 1 },
      }),
      IN_USE,
    ],
    [
      'status without conditions on a managed resource',
      bucket({ status: { atProvider: { arn: 'x' } } }),
      PROVISIONING,
    ],
    [
      'empty conditions on a managed resource',
      bucket({ status: { conditions: [] } }),
      PROVISIONING,
    ],
    [
      'Ready=True and Synced=True',
      bucket({
        status: {
          conditions: [
            cond('Ready', 'True', 'Available'),
            cond('Synced', 'True', 'ReconcileSuccess'),
          ],
        },
      }),
      UP_TO_DATE,
    ],
    [
      'Synced=False',
      bucket({
        status: {
          conditions: [
            cond(
              'Synced',
              'False',
              'ReconcileError',
              'cannot create bucket: access denied',
            ),
          ],
        },
      }),
      { status: 'Degraded', message: 'cannot create bucket: access denied' },
    ],
    [
      'Synced=False after Ready=True: Ready returns first',
      bucket({
        status: {
          conditions: [
            cond('Ready', 'True'),
            cond('Synced', 'False', 'ReconcileError', 'boom'),
          ],
        },
      }),
      UP_TO_DATE,
    ],
    [
      'Synced=False before Ready=True',
      bucket({
        status: {
          conditions: [
            cond('Synced', 'False', 'ReconcileError', 'boom'),
            cond('Ready', 'True'),
          ],
        },
      }),
      { status: 'Degraded', message: 'boom' },
    ],
    [
      'Synced=False without a message',
      bucket({
        status: { conditions: [cond('Synced', 'False', 'ReconcileError')] },
      }),
      { status: 'Degraded' },
    ],
    [
      'LastAsyncOperation=False',
      bucket({
        status: {
          conditions: [
            cond(
              'LastAsyncOperation',
              'False',
              'ApplyFailure',
              'apply failed: quota exceeded',
            ),
          ],
        },
      }),
      { status: 'Degraded', message: 'apply failed: quota exceeded' },
    ],
    [
      'Ready=False while creating',
      bucket({
        status: {
          conditions: [
            cond('Ready', 'False', 'Creating'),
            cond('Synced', 'True'),
          ],
        },
      }),
      PROVISIONING,
    ],
    [
      'Ready=Unknown',
      bucket({ status: { conditions: [cond('Ready', 'Unknown')] } }),
      PROVISIONING,
    ],
    [
      'Healthy=True (packages)',
      of('pkg.crossplane.io/v1', 'Function', {
        status: { conditions: [cond('Healthy', 'True')] },
      }),
      UP_TO_DATE,
    ],
    [
      'XRD Established=True',
      of('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', {
        status: {
          conditions: [cond('Established', 'True'), cond('Offered', 'True')],
        },
      }),
      UP_TO_DATE,
    ],
    [
      'XRD Offered=True alone',
      of('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', {
        status: { conditions: [cond('Offered', 'True')] },
      }),
      UP_TO_DATE,
    ],
    [
      'XRD not established yet',
      of('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', {
        status: { conditions: [cond('Established', 'False', 'Pending')] },
      }),
      PROVISIONING,
    ],
    [
      'Composition ValidPipeline=True',
      of('apiextensions.crossplane.io/v1', 'Composition', {
        status: { conditions: [cond('ValidPipeline', 'True')] },
      }),
      UP_TO_DATE,
    ],
    [
      'RevisionHealthy=True',
      of('pkg.crossplane.io/v1', 'ProviderRevision', {
        status: { conditions: [cond('RevisionHealthy', 'True')] },
      }),
      UP_TO_DATE,
    ],
    [
      'unrelated conditions only',
      bucket({ status: { conditions: [cond('Paused', 'True')] } }),
      PROVISIONING,
    ],
    [
      'a True condition without a type',
      bucket({ status: { conditions: [{ status: 'True' }] } }),
      PROVISIONING,
    ],
  ])('%s', (_name, obj, expected) => {
    expect(crossplaneHealth(obj)).toEqual(expected);
  });
});

describe('crossplaneHealthScriptFor', () => {
  it.each([
    ['ec2.aws.upbound.io/v1beta1', 'upbound.io'],
    ['ec2.aws.m.upbound.io/v1beta1', 'upbound.io'],
    ['s3.aws.crossplane.io/v1beta1', 'crossplane.io'],
    ['apiextensions.crossplane.io/v1', 'crossplane.io'],
    // Claims and composites: user-defined groups get the crossplane.io rule.
    ['platform.example.org/v1alpha1', 'crossplane.io'],
  ])('%s -> %s', (apiVersion, expected) => {
    expect(crossplaneHealthScriptFor(apiVersion)).toBe(expected);
  });

  it('applies the named rule when the caller picks it', () => {
    const composite = k8s('platform.example.org/v1', 'XDatabase', {
      status: { conditions: [cond('Healthy', 'True')] },
    });
    expect(crossplaneHealth(composite, 'upbound.io')).toEqual(PROVISIONING);
  });
});
