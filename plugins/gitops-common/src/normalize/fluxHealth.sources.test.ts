import { Health } from '../schema';
import {
  BLOCKED_MESSAGE,
  cond,
  DELETING,
  DELETING_NO_FINALIZERS,
  k8s,
  ObjectParts,
} from '../__fixtures__/objects';
import { FLUX_GROUPS, FluxKind, fluxHealth, isFluxKind } from './fluxHealth';

const flux = (kind: FluxKind, parts: ObjectParts) =>
  k8s(`${FLUX_GROUPS[kind]}/v1`, kind, parts);

type Case = [string, Record<string, unknown>, Health];

const UNKNOWN_STATUS: Health = {
  status: 'Progressing',
  message: 'Status unknown',
};

/** The three source scripts that check suspend share one table. */
describe.each<FluxKind>(['GitRepository', 'HelmChart', 'Bucket'])(
  'fluxHealth mirrors source.toolkit.fluxcd.io/%s/health.lua',
  kind => {
    const src = (parts: ObjectParts) => flux(kind, parts);
    const ready = cond('Ready', 'True', 'Succeeded');
    const stored = cond('ArtifactInStorage', 'True', 'Succeeded');
    const outdated = cond('ArtifactOutdated', 'True', 'NewRevision');
    it.each<Case>([
      [
        'deleting',
        src({ metadata: DELETING, spec: {} }),
        { status: 'Progressing', message: BLOCKED_MESSAGE },
      ],
      [
        'suspended',
        src({ spec: { suspend: true } }),
        { status: 'Suspended', message: `${kind} is suspended` },
      ],
      ['no status', src({ spec: {} }), UNKNOWN_STATUS],
      [
        'Ready=True and ArtifactInStorage=True',
        src({ spec: {}, status: { conditions: [ready, stored] } }),
        { status: 'Healthy', message: 'Succeeded' },
      ],
      [
        'Ready=True alone is one success: Degraded',
        src({ spec: {}, status: { conditions: [ready] } }),
        { status: 'Degraded', message: 'Succeeded' },
      ],
      [
        'ArtifactOutdated after Ready appends its reason',
        src({ spec: {}, status: { conditions: [ready, stored, outdated] } }),
        { status: 'Healthy', message: 'Succeeded NewRevision' },
      ],
      [
        'Ready after ArtifactOutdated replaces the message',
        src({ spec: {}, status: { conditions: [outdated, ready, stored] } }),
        { status: 'Healthy', message: 'Succeeded' },
      ],
      [
        'ArtifactOutdated without Ready keeps the leading space',
        src({ spec: {}, status: { conditions: [outdated] } }),
        { status: 'Degraded', message: ' NewRevision' },
      ],
      [
        'ArtifactOutdated=False is ignored',
        src({
          spec: {},
          status: {
            conditions: [
              ready,
              stored,
              cond('ArtifactOutdated', 'False', 'Current'),
            ],
          },
        }),
        { status: 'Healthy', message: 'Succeeded' },
      ],
      [
        'Ready=Unknown and Reconciling=True',
        src({
          spec: {},
          status: {
            conditions: [
              cond('Reconciling', 'True'),
              cond('Ready', 'Unknown', 'Progressing'),
            ],
          },
        }),
        { status: 'Progressing', message: 'Progressing' },
      ],
      [
        'fetch failed',
        src({
          spec: {},
          status: {
            conditions: [
              cond('FetchFailed', 'True', 'AuthenticationFailed'),
              cond('Ready', 'False', 'AuthenticationFailed'),
            ],
          },
        }),
        { status: 'Degraded', message: 'AuthenticationFailed' },
      ],
      [
        'Ready without a reason, then ArtifactOutdated: a script error',
        src({
          spec: {},
          status: { conditions: [cond('Ready', 'True'), outdated] },
        }),
        {
          status: 'Unknown',
          message: 'Health check failed: attempt to concatenate a nil value',
        },
      ],
      [
        'ArtifactOutdated without a reason: a script error',
        src({
          spec: {},
          status: { conditions: [cond('ArtifactOutdated', 'True')] },
        }),
        {
          status: 'Unknown',
          message: 'Health check failed: attempt to concatenate a nil value',
        },
      ],
    ])('%s', (_name, obj, expected) => {
      expect(fluxHealth(obj)).toEqual(expected);
    });
  },
);

describe('fluxHealth mirrors source.toolkit.fluxcd.io/HelmRepository/health.lua', () => {
  const repo = (parts: ObjectParts) => flux('HelmRepository', parts);
  const OCI_MESSAGE =
    "Helm repositories of type 'oci' do not contain any information in the status.";
  it.each<Case>([
    [
      'deleting',
      repo({ metadata: DELETING_NO_FINALIZERS, spec: {} }),
      { status: 'Progressing', message: 'Pending deletion' },
    ],
    [
      'suspended',
      repo({ spec: { suspend: true, type: 'oci' } }),
      { status: 'Suspended', message: 'HelmRepository is suspended' },
    ],
    [
      'type oci has no status to read',
      repo({
        spec: { type: 'oci' },
        status: { conditions: [cond('Ready', 'False', 'Failed')] },
      }),
      { status: 'Healthy', message: OCI_MESSAGE },
    ],
    [
      'type default reads the conditions',
      repo({
        spec: { type: 'default' },
        status: {
          conditions: [
            cond('Ready', 'True', 'Succeeded'),
            cond('ArtifactInStorage', 'True'),
          ],
        },
      }),
      { status: 'Healthy', message: 'Succeeded' },
    ],
    [
      'index failed',
      repo({
        spec: {},
        status: { conditions: [cond('Ready', 'False', 'IndexationFailed')] },
      }),
      { status: 'Degraded', message: 'IndexationFailed' },
    ],
    ['no status', repo({ spec: {} }), UNKNOWN_STATUS],
  ])('%s', (_name, obj, expected) => {
    expect(fluxHealth(obj)).toEqual(expected);
  });
});

describe('fluxHealth mirrors source.toolkit.fluxcd.io/OCIRepository/health.lua', () => {
  const oci = (parts: ObjectParts) => flux('OCIRepository', parts);
  const healthy = {
    conditions: [
      cond('Ready', 'True', 'Succeeded'),
      cond('ArtifactInStorage', 'True', 'Succeeded'),
    ],
  };
  it.each<Case>([
    [
      'deleting',
      oci({ metadata: DELETING, spec: {} }),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    // Argo CD's OCIRepository script has no suspend check (the portal adds one on top, see fluxStatus).
    [
      'suspend is not read',
      oci({ spec: { suspend: true }, status: healthy }),
      { status: 'Healthy', message: 'Succeeded' },
    ],
    [
      'no spec is fine: the script never reads it',
      oci({ status: healthy }),
      { status: 'Healthy', message: 'Succeeded' },
    ],
    [
      'Ready=True and ArtifactInStorage=True',
      oci({ spec: {}, status: healthy }),
      { status: 'Healthy', message: 'Succeeded' },
    ],
    [
      'pull failed',
      oci({
        spec: {},
        status: {
          conditions: [cond('Ready', 'False', 'OCIArtifactPullFailed')],
        },
      }),
      { status: 'Degraded', message: 'OCIArtifactPullFailed' },
    ],
    [
      'Ready=Unknown and Reconciling=True',
      oci({
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True'),
            cond('Ready', 'Unknown', 'Progressing'),
          ],
        },
      }),
      { status: 'Progressing', message: 'Progressing' },
    ],
    ['no status', oci({ spec: {} }), UNKNOWN_STATUS],
  ])('%s', (_name, obj, expected) => {
    expect(fluxHealth(obj)).toEqual(expected);
  });
});

describe('fluxHealth on Flux kinds without an Argo CD health check', () => {
  it.each([
    [
      'notification.toolkit.fluxcd.io/v1',
      'Receiver',
      'notification.toolkit.fluxcd.io/Receiver',
    ],
    [
      'image.toolkit.fluxcd.io/v1beta2',
      'ImagePolicy',
      'image.toolkit.fluxcd.io/ImagePolicy',
    ],
  ])('%s %s is Unknown', (apiVersion, kind, named) => {
    expect(fluxHealth(k8s(apiVersion, kind, { spec: {} }))).toEqual({
      status: 'Unknown',
      message: `Argo CD has no built-in health check for ${named}`,
    });
  });
});

describe('isFluxKind', () => {
  it.each([
    ['Kustomization', true],
    ['HelmRelease', true],
    ['OCIRepository', true],
    ['Receiver', false],
    ['toString', false],
  ])('%s -> %s', (kind, expected) => {
    expect(isFluxKind(kind)).toBe(expected);
  });
});
