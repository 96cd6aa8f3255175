import { Health } from '../schema';
import { cond, DELETING, k8s } from '../__fixtures__/objects';
import {
  decideConditions,
  NO_CONDITIONS_MESSAGE,
  readyConditionHealth,
} from './conditionRules';
import { normalizeObject } from './normalizeObject';

const HEALTHY: Health = { status: 'Healthy', message: 'kind rule' };
const DEGRADED: Health = { status: 'Degraded', message: 'kind rule' };
const PROGRESSING: Health = { status: 'Progressing', message: 'kind rule' };

const obj = (parts: Parameters<typeof k8s>[2]) =>
  k8s('example.org/v1', 'Widget', parts);

describe('decideConditions (one row per case)', () => {
  it.each<[string, unknown, Health, boolean, Health, string]>([
    [
      'deletion wins over Ready=True',
      obj({
        metadata: DELETING,
        status: { conditions: [cond('Ready', 'True')] },
      }),
      HEALTHY,
      true,
      {
        status: 'Progressing',
        message:
          'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup',
      },
      'deletion',
    ],
    [
      'suspended wins over Stalled=True',
      obj({ status: { conditions: [cond('Stalled', 'True', 'Boom')] } }),
      DEGRADED,
      true,
      { status: 'Suspended', message: 'Widget is suspended' },
      'suspended',
    ],
    [
      "suspended keeps the kind rule's Suspended message",
      obj({}),
      { status: 'Suspended', message: 'Widget is paused' },
      true,
      { status: 'Suspended', message: 'Widget is paused' },
      'suspended',
    ],
    [
      'observedGeneration behind generation wins over Ready=True',
      obj({
        metadata: { generation: 4 },
        status: { observedGeneration: 3, conditions: [cond('Ready', 'True')] },
      }),
      HEALTHY,
      false,
      {
        status: 'Progressing',
        message:
          'Waiting for the controller to observe generation 4 (observed 3)',
      },
      'staleGeneration',
    ],
    [
      'Ready=True with Stalled=True is Degraded with the Stalled message',
      obj({
        status: {
          conditions: [
            cond('Ready', 'True', 'Succeeded'),
            cond('Stalled', 'True', 'InvalidPath', 'path ./apps not found'),
          ],
        },
      }),
      HEALTHY,
      false,
      { status: 'Degraded', message: 'path ./apps not found' },
      'stalled',
    ],
    [
      "Stalled=True keeps the kind rule's Degraded message",
      obj({ status: { conditions: [cond('Stalled', 'True', 'InvalidPath')] } }),
      DEGRADED,
      false,
      DEGRADED,
      'stalled',
    ],
    [
      'Ready=Unknown is Progressing, never Degraded',
      obj({
        status: {
          conditions: [cond('Ready', 'Unknown', 'Progressing', 'building')],
        },
      }),
      DEGRADED,
      false,
      { status: 'Progressing', message: 'building' },
      'readyUnknown',
    ],
    [
      "Ready=Unknown keeps the kind rule's Progressing message",
      obj({
        status: { conditions: [cond('Ready', 'Unknown', 'Progressing')] },
      }),
      PROGRESSING,
      false,
      PROGRESSING,
      'readyUnknown',
    ],
    [
      'an empty conditions list is never Degraded',
      obj({ status: { conditions: [] } }),
      DEGRADED,
      false,
      { status: 'Progressing', message: NO_CONDITIONS_MESSAGE },
      'noConditions',
    ],
    [
      'no conditions keeps a Healthy kind result (static or phase-based kinds)',
      obj({}),
      HEALTHY,
      false,
      HEALTHY,
      'noConditions',
    ],
    [
      'agreeing conditions: the kind rule decides',
      obj({ status: { conditions: [cond('Ready', 'False', 'Failed')] } }),
      DEGRADED,
      false,
      DEGRADED,
      'kind',
    ],
  ])('%s', (_name, input, kindHealth, suspended, expected, rule) => {
    expect(decideConditions(input, { kindHealth, suspended })).toEqual({
      health: expected,
      rule,
    });
  });

  it('takes a lag the caller read elsewhere', () => {
    expect(
      decideConditions(obj({}), {
        kindHealth: HEALTHY,
        suspended: false,
        lag: { generation: 2, observedGeneration: 1 },
      }).rule,
    ).toBe('staleGeneration');
  });
});

describe('readyConditionHealth', () => {
  it.each<[string, unknown[], Health]>([
    [
      'Ready=True',
      [cond('Ready', 'True', 'Succeeded', 'stored')],
      { status: 'Healthy', message: 'stored' },
    ],
    [
      'Ready=False',
      [cond('Ready', 'False', 'Failed')],
      { status: 'Degraded', message: 'Failed' },
    ],
    [
      'Reconciling=True',
      [cond('Reconciling', 'True', 'Progressing', 'fetching')],
      { status: 'Progressing', message: 'fetching' },
    ],
    [
      'Ready=Unknown alone',
      [cond('Ready', 'Unknown', 'Progressing')],
      { status: 'Progressing', message: 'Progressing' },
    ],
    ['no Ready', [], { status: 'Progressing', message: NO_CONDITIONS_MESSAGE }],
  ])('%s', (_name, conditions, expected) => {
    expect(readyConditionHealth(obj({ status: { conditions } }))).toEqual(
      expected,
    );
  });
});

/** The same disagreement gives the same outcome whichever kstatus-style kind carries it. */
const KINDS: [string, string, Record<string, unknown>][] = [
  [
    'Flux Kustomization',
    'kustomize.toolkit.fluxcd.io/v1',
    { kind: 'Kustomization', spec: {} },
  ],
  [
    'Flux ImageRepository',
    'image.toolkit.fluxcd.io/v1beta2',
    { kind: 'ImageRepository', spec: {} },
  ],
  [
    'Flux Receiver',
    'notification.toolkit.fluxcd.io/v1',
    { kind: 'Receiver', spec: {} },
  ],
  [
    'cert-manager Certificate',
    'cert-manager.io/v1',
    { kind: 'Certificate', spec: {} },
  ],
  [
    'External Secrets SecretStore',
    'external-secrets.io/v1',
    { kind: 'SecretStore', spec: {} },
  ],
  [
    'Cluster API Cluster',
    'cluster.x-k8s.io/v1beta1',
    { kind: 'Cluster', spec: {} },
  ],
];

describe.each(KINDS)(
  'the decision table applied to %s',
  (_name, apiVersion, { kind, spec }) => {
    const normalize = (parts: Parameters<typeof k8s>[2]) =>
      normalizeObject(k8s(apiVersion, kind as string, { spec, ...parts }), {
        cluster: 'dev',
      }).health;

    it('Ready=True with Stalled=True is Degraded', () => {
      expect(
        normalize({
          status: {
            conditions: [
              cond('Ready', 'True', 'Succeeded', 'ok'),
              cond('Stalled', 'True', 'Invalid', 'cannot proceed'),
            ],
          },
        }),
      ).toEqual({ status: 'Degraded', message: 'cannot proceed' });
    });

    it('a generation not yet observed is Progressing', () => {
      expect(
        normalize({
          metadata: { generation: 2 },
          status: {
            observedGeneration: 1,
            conditions: [cond('Ready', 'True', 'Succeeded', 'ok')],
          },
        }),
      ).toEqual({
        status: 'Progressing',
        message:
          'Waiting for the controller to observe generation 2 (observed 1)',
      });
    });

    it('a deletion timestamp is Progressing', () => {
      expect(
        normalize({
          metadata: { deletionTimestamp: '2025-03-01T10:00:00Z' },
          status: { conditions: [cond('Ready', 'False', 'Failed', 'broken')] },
        }),
      ).toEqual({ status: 'Progressing', message: 'Pending deletion' });
    });

    it('Ready=Unknown is Progressing', () => {
      expect(
        normalize({
          status: {
            conditions: [cond('Ready', 'Unknown', 'Waiting', 'working on it')],
          },
        }).status,
      ).toBe('Progressing');
    });

    it('no conditions yet is not Degraded', () => {
      expect(normalize({ status: { conditions: [] } }).status).not.toBe(
        'Degraded',
      );
    });
  },
);
