import { Health } from '../schema';
import { cond, DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import {
  FLUX_NOTIFICATION_GROUP,
  FluxNotificationKind,
  fluxNotificationHealth,
  STATIC_NOTIFICATION_MESSAGE,
} from './fluxNotificationHealth';
import { externalArtifactHealth } from './fluxStatus';

const notification = (
  kind: FluxNotificationKind,
  parts: ObjectParts,
  version = 'v1',
) => k8s(`${FLUX_NOTIFICATION_GROUP}/${version}`, kind, parts);
type Case = [string, ObjectParts, Health];
const BLOCKED =
  'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup';

describe('fluxNotificationHealth mirrors notification.toolkit.fluxcd.io/Receiver/health.lua', () => {
  it.each<Case>([
    [
      'deleting',
      { metadata: DELETING, spec: {} },
      { status: 'Progressing', message: BLOCKED },
    ],
    [
      'no status',
      { spec: {} },
      { status: 'Progressing', message: 'Status unknown' },
    ],
    [
      'Ready=True',
      {
        spec: {},
        status: {
          conditions: [
            cond(
              'Ready',
              'True',
              'Succeeded',
              'Receiver initialized for path: /hook/abc',
            ),
          ],
        },
      },
      { status: 'Healthy', message: 'Succeeded' },
    ],
    [
      'Ready=False and Reconciling=True: two failing is Degraded',
      {
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True', 'Progressing'),
            cond('Ready', 'False', 'TokenNotFound'),
          ],
        },
      },
      { status: 'Degraded', message: 'TokenNotFound' },
    ],
    [
      'Ready=Unknown: neither success nor failing, Degraded',
      {
        spec: {},
        status: { conditions: [cond('Ready', 'Unknown', 'Progressing')] },
      },
      { status: 'Degraded', message: 'Progressing' },
    ],
    [
      'no suspend check',
      {
        spec: { suspend: true },
        status: { conditions: [cond('Ready', 'True', 'Succeeded')] },
      },
      { status: 'Healthy', message: 'Succeeded' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(
      fluxNotificationHealth('Receiver', notification('Receiver', parts)),
    ).toEqual(expected);
  });
});

describe.each<FluxNotificationKind>(['Alert', 'Provider'])(
  'fluxNotificationHealth of %s (no Argo CD check: static since v1beta3, else the Ready rule)',
  kind => {
    it.each<[string, ObjectParts, string, Health]>([
      [
        'v1beta3, no status',
        { spec: {} },
        'v1beta3',
        { status: 'Healthy', message: STATIC_NOTIFICATION_MESSAGE },
      ],
      [
        'deleting',
        { metadata: DELETING, spec: {} },
        'v1beta3',
        { status: 'Progressing', message: BLOCKED },
      ],
      [
        'v1beta2 with Ready=True',
        {
          spec: {},
          status: {
            conditions: [cond('Ready', 'True', 'Succeeded', 'Initialized')],
          },
        },
        'v1beta2',
        { status: 'Healthy', message: 'Initialized' },
      ],
      [
        'v1beta2 with Ready=False',
        {
          spec: {},
          status: {
            conditions: [
              cond('Ready', 'False', 'ValidationFailed', 'secret not found'),
            ],
          },
        },
        'v1beta2',
        { status: 'Degraded', message: 'secret not found' },
      ],
    ])('%s', (_name, parts, version, expected) => {
      expect(
        fluxNotificationHealth(kind, notification(kind, parts, version)),
      ).toEqual(expected);
    });
  },
);

describe('externalArtifactHealth (no Argo CD check: the Ready rule)', () => {
  const artifact = (parts: ObjectParts) =>
    k8s('source.toolkit.fluxcd.io/v1', 'ExternalArtifact', parts);
  it.each<Case>([
    [
      'deleting',
      { metadata: DELETING },
      { status: 'Progressing', message: BLOCKED },
    ],
    [
      'no status',
      {},
      {
        status: 'Progressing',
        message: 'Waiting for the controller to report conditions',
      },
    ],
    [
      'Ready=True',
      {
        status: {
          conditions: [
            cond(
              'Ready',
              'True',
              'Succeeded',
              'stored artifact for revision v1',
            ),
          ],
        },
      },
      { status: 'Healthy', message: 'stored artifact for revision v1' },
    ],
    [
      'Ready=False',
      {
        status: {
          conditions: [
            cond('Ready', 'False', 'BuildFailed', 'no files matched'),
          ],
        },
      },
      { status: 'Degraded', message: 'no files matched' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(externalArtifactHealth(artifact(parts))).toEqual(expected);
  });
});
