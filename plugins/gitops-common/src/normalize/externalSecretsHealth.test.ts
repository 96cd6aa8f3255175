import { Health } from '../schema';
import { cond, DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import {
  externalSecretGenerationLag,
  ExternalSecretsKind,
  externalSecretsHealth,
  externalSecretsStatus,
} from './externalSecretsHealth';
import { NIL_LUA_RESULT_MESSAGE } from './health';

const eso = (kind: ExternalSecretsKind, parts: ObjectParts) =>
  k8s('external-secrets.io/v1', kind, parts);
type Case = [string, ObjectParts, Health];
const at = (time: string) => ({
  ...cond('Ready', 'True', 'SecretSynced', 'secret synced'),
  lastTransitionTime: time,
});

describe('externalSecretsHealth mirrors external-secrets.io/ExternalSecret/health.lua', () => {
  it.each<Case>([
    [
      'deleting',
      { metadata: DELETING, spec: {} },
      {
        status: 'Progressing',
        message:
          'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup',
      },
    ],
    [
      'no status',
      { spec: {} },
      { status: 'Progressing', message: 'Waiting for ExternalSecret' },
    ],
    [
      'Ready=True',
      {
        spec: {},
        status: {
          conditions: [cond('Ready', 'True', 'SecretSynced', 'secret synced')],
        },
      },
      { status: 'Healthy', message: 'secret synced' },
    ],
    [
      'Ready=False',
      {
        spec: {},
        status: {
          conditions: [
            cond(
              'Ready',
              'False',
              'SecretSyncedError',
              'could not get secret data from provider',
            ),
          ],
        },
      },
      {
        status: 'Degraded',
        message: 'could not get secret data from provider',
      },
    ],
    [
      'Ready=Unknown: the script returns nil',
      {
        spec: {},
        status: { conditions: [cond('Ready', 'Unknown', 'Progressing')] },
      },
      { status: 'Unknown', message: NIL_LUA_RESULT_MESSAGE },
    ],
    [
      'refreshPolicy OnChange: a Ready older than refreshTime is skipped',
      {
        spec: { refreshPolicy: 'OnChange' },
        status: {
          refreshTime: '2025-03-01T12:00:00Z',
          conditions: [at('2025-03-01T11:00:00Z')],
        },
      },
      { status: 'Progressing', message: 'Waiting for ExternalSecret' },
    ],
    [
      'refreshPolicy OnChange: a Ready at or after refreshTime counts',
      {
        spec: { refreshPolicy: 'OnChange' },
        status: {
          refreshTime: '2025-03-01T12:00:00Z',
          conditions: [at('2025-03-01T12:00:00Z')],
        },
      },
      { status: 'Healthy', message: 'secret synced' },
    ],
    [
      'refreshPolicy OnChange without refreshTime: a Lua error',
      {
        spec: { refreshPolicy: 'OnChange' },
        status: { conditions: [at('2025-03-01T12:00:00Z')] },
      },
      {
        status: 'Unknown',
        message: 'Health check failed: attempt to compare nil values',
      },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(
      externalSecretsHealth('ExternalSecret', eso('ExternalSecret', parts)),
    ).toEqual(expected);
  });
});

describe.each<ExternalSecretsKind>(['SecretStore', 'ClusterSecretStore'])(
  'externalSecretsHealth mirrors external-secrets.io/%s/health.lua',
  kind => {
    it.each<Case>([
      [
        'no status',
        {},
        { status: 'Progressing', message: `Waiting for ${kind}` },
      ],
      [
        'Ready=True',
        {
          status: {
            conditions: [cond('Ready', 'True', 'Valid', 'store validated')],
          },
        },
        { status: 'Healthy', message: 'store validated' },
      ],
      [
        'Ready=False',
        {
          status: {
            conditions: [
              cond(
                'Ready',
                'False',
                'InvalidProviderConfig',
                'unable to validate store',
              ),
            ],
          },
        },
        { status: 'Degraded', message: 'unable to validate store' },
      ],
    ])('%s', (_name, parts, expected) => {
      expect(externalSecretsHealth(kind, eso(kind, parts))).toEqual(expected);
    });
  },
);

describe('externalSecretGenerationLag', () => {
  it.each<
    [string, ObjectParts, ReturnType<typeof externalSecretGenerationLag>]
  >([
    [
      'behind',
      {
        metadata: { generation: 3 },
        status: { syncedResourceVersion: '2-9f8e7d' },
      },
      { generation: 3, observedGeneration: 2 },
    ],
    [
      'current',
      {
        metadata: { generation: 3 },
        status: { syncedResourceVersion: '3-9f8e7d' },
      },
      undefined,
    ],
    ['never synced', { metadata: { generation: 3 }, status: {} }, undefined],
  ])('%s', (_name, parts, expected) => {
    expect(externalSecretGenerationLag(eso('ExternalSecret', parts))).toEqual(
      expected,
    );
  });

  it('feeds the decision table: Ready=True for an older generation is Progressing', () => {
    const secret = eso('ExternalSecret', {
      metadata: { generation: 3 },
      spec: {},
      status: {
        syncedResourceVersion: '2-9f8e7d',
        conditions: [cond('Ready', 'True', 'SecretSynced', 'secret synced')],
      },
    });
    expect(externalSecretsStatus('ExternalSecret')(secret).health).toEqual({
      status: 'Progressing',
      message:
        'Waiting for the controller to observe generation 3 (observed 2)',
    });
  });
});
