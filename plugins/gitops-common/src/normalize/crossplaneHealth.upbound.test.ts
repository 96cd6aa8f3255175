import { Health } from '../schema';
import {
  BLOCKED_MESSAGE,
  cond,
  DELETING,
  k8s,
  ObjectParts,
} from '../__fixtures__/objects';
import { crossplaneHealth } from './crossplaneHealth';

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

describe('crossplaneHealth mirrors _.upbound.io/_/health.lua', () => {
  const vpc = (parts: ObjectParts) =>
    k8s('ec2.aws.upbound.io/v1beta1', 'VPC', parts);
  const of = (kind: string, parts: ObjectParts) =>
    k8s('aws.upbound.io/v1beta1', kind, parts);
  it.each<Case>([
    [
      'deleting',
      vpc({ metadata: DELETING, status: {} }),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    ['no status at all', vpc({ spec: {} }), UP_TO_DATE],
    [
      'empty status of a ProviderConfig',
      of('ProviderConfig', { status: {} }),
      UP_TO_DATE,
    ],
    [
      'empty status of a ProviderConfigUsage',
      of('ProviderConfigUsage', { status: {} }),
      UP_TO_DATE,
    ],
    // Composition is only in the crossplane.io list.
    [
      'empty status of a Composition is not in the list',
      of('Composition', { status: {} }),
      PROVISIONING,
    ],
    [
      'ProviderConfig with users',
      of('ProviderConfig', { status: { users: 2 } }),
      IN_USE,
    ],
    [
      'Ready=True and Synced=True',
      vpc({
        status: { conditions: [cond('Ready', 'True'), cond('Synced', 'True')] },
      }),
      UP_TO_DATE,
    ],
    [
      'Synced=False after Ready=True still degrades',
      vpc({
        status: {
          conditions: [
            cond('Ready', 'True'),
            cond('Synced', 'False', 'ReconcileError', 'cannot observe'),
          ],
        },
      }),
      { status: 'Degraded', message: 'cannot observe' },
    ],
    [
      'LastAsyncOperation=False after Ready=True',
      vpc({
        status: {
          conditions: [
            cond('Ready', 'True'),
            cond(
              'LastAsyncOperation',
              'False',
              'ApplyFailure',
              'update failed: refuse to replace',
            ),
          ],
        },
      }),
      { status: 'Degraded', message: 'update failed: refuse to replace' },
    ],
    [
      'Healthy=True does not count here',
      vpc({ status: { conditions: [cond('Healthy', 'True')] } }),
      PROVISIONING,
    ],
    [
      'Ready=False',
      vpc({
        status: {
          conditions: [
            cond('Ready', 'False', 'Creating'),
            cond('Synced', 'True'),
          ],
        },
      }),
      PROVISIONING,
    ],
  ])('%s', (_name, obj, expected) => {
    expect(crossplaneHealth(obj)).toEqual(expected);
  });
});
