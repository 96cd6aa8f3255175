import { Health } from '../schema';
import { cond, DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import {
  FLUX_IMAGE_GROUP,
  FluxImageKind,
  fluxImageHealth,
} from './fluxImageHealth';

const image = (kind: FluxImageKind, parts: ObjectParts) =>
  k8s(`${FLUX_IMAGE_GROUP}/v1beta2`, kind, parts);
const ready = cond(
  'Ready',
  'True',
  'Succeeded',
  'successful scan: found 12 tags',
);
type Case = [string, ObjectParts, Health];

const shared: Case[] = [
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
    { status: 'Progressing', message: 'Status unknown' },
  ],
  [
    'Ready=True',
    { spec: {}, status: { conditions: [ready] } },
    { status: 'Healthy', message: 'Succeeded' },
  ],
  [
    'Ready=False alone',
    {
      spec: {},
      status: { conditions: [cond('Ready', 'False', 'AuthenticationFailed')] },
    },
    { status: 'Degraded', message: 'AuthenticationFailed' },
  ],
  [
    'empty conditions list',
    { spec: {}, status: { conditions: [] } },
    // Lua's message stays "" and an empty message is left out.
    { status: 'Degraded' },
  ],
];

describe('fluxImageHealth mirrors image.toolkit.fluxcd.io/ImageRepository/health.lua', () => {
  it.each<Case>([
    ...shared,
    [
      'suspended',
      { spec: { suspend: true } },
      { status: 'Suspended', message: 'ImageRepository is suspended' },
    ],
    [
      'Ready=False and Reconciling=True (Scanning): Progressing',
      {
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True', 'Scanning'),
            cond('Ready', 'False', 'Scanning'),
          ],
        },
      },
      { status: 'Progressing', message: 'Scanning' },
    ],
    [
      'Reconciling=True with another reason does not count',
      {
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True', 'Other'),
            cond('Ready', 'False', 'Failed'),
          ],
        },
      },
      { status: 'Degraded', message: 'Failed' },
    ],
    [
      'no spec: a script error',
      {},
      { status: 'Unknown', message: 'Health check failed: spec is missing' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(
      fluxImageHealth('ImageRepository', image('ImageRepository', parts)),
    ).toEqual(expected);
  });
});

describe('fluxImageHealth mirrors image.toolkit.fluxcd.io/ImagePolicy/health.lua', () => {
  it.each<Case>([
    ...shared,
    [
      'no suspend check: a suspended policy is read by its conditions',
      { spec: { suspend: true }, status: { conditions: [ready] } },
      { status: 'Healthy', message: 'Succeeded' },
    ],
    [
      'Reconciling=True (ApplyingPolicy) and Ready=False: Progressing',
      {
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True', 'ApplyingPolicy'),
            cond('Ready', 'False', 'ApplyingPolicy'),
          ],
        },
      },
      { status: 'Progressing', message: 'ApplyingPolicy' },
    ],
    [
      'no spec is fine (never read)',
      { status: { conditions: [ready] } },
      { status: 'Healthy', message: 'Succeeded' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(fluxImageHealth('ImagePolicy', image('ImagePolicy', parts))).toEqual(
      expected,
    );
  });
});

describe('fluxImageHealth mirrors image.toolkit.fluxcd.io/ImageUpdateAutomation/health.lua', () => {
  it.each<Case>([
    ...shared,
    [
      'suspended',
      { spec: { suspend: true } },
      { status: 'Suspended', message: 'ImageUpdateAutomation is suspended' },
    ],
    [
      'Ready=Unknown and Reconciling=True (any reason): Progressing',
      {
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True', 'Pushing'),
            cond('Ready', 'Unknown', 'Progressing'),
          ],
        },
      },
      { status: 'Progressing', message: 'Progressing' },
    ],
    [
      'Ready=False and Reconciling=True: Degraded (Ready=False does not count here)',
      {
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True', 'Pushing'),
            cond('Ready', 'False', 'GitPushFailed'),
          ],
        },
      },
      { status: 'Degraded', message: 'GitPushFailed' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(
      fluxImageHealth(
        'ImageUpdateAutomation',
        image('ImageUpdateAutomation', parts),
      ),
    ).toEqual(expected);
  });
});
