import { Health } from '../schema';
import { cond, DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import {
  CROSSPLANE_PKG_GROUP,
  CrossplanePackageKind,
  crossplanePackageHealth,
  crossplanePackageStatus,
} from './crossplanePackageHealth';

const pkg = (kind: CrossplanePackageKind, parts: ObjectParts) =>
  k8s(`${CROSSPLANE_PKG_GROUP}/v1`, kind, {
    metadata: { namespace: undefined },
    ...parts,
  });
const installed = cond('Installed', 'True', 'ActivePackageRevision');
const healthy = cond('Healthy', 'True', 'HealthyPackageRevision');
type Case = [string, ObjectParts, Health];

describe.each<[CrossplanePackageKind, string]>([
  ['Provider', 'Waiting for provider to be installed'],
  ['Configuration', 'Waiting for Configuration'],
  ['Function', 'Waiting for Function'],
])(
  'crossplanePackageHealth mirrors pkg.crossplane.io/%s/health.lua',
  (kind, waiting) => {
    it.each<Case>([
      [
        'deleting',
        { metadata: DELETING },
        {
          status: 'Progressing',
          message:
            'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup',
        },
      ],
      ['no status', {}, { status: 'Progressing', message: waiting }],
      [
        'Installed=True and Healthy=True',
        { status: { conditions: [installed, healthy] } },
        {
          status: 'Healthy',
          message: 'ActivePackageRevision HealthyPackageRevision',
        },
      ],
      [
        'Healthy=False',
        {
          status: {
            conditions: [
              installed,
              cond('Healthy', 'False', 'UnhealthyPackageRevision'),
            ],
          },
        },
        {
          status: 'Degraded',
          message: 'ActivePackageRevision UnhealthyPackageRevision',
        },
      ],
      [
        'Installed=False',
        {
          status: {
            conditions: [
              cond('Installed', 'False', 'UnpackingPackage'),
              healthy,
            ],
          },
        },
        {
          status: 'Degraded',
          message: 'UnpackingPackage HealthyPackageRevision',
        },
      ],
      [
        'no Healthy condition yet: the script concatenates nil',
        { status: { conditions: [installed] } },
        {
          status: 'Unknown',
          message:
            'Health check failed: attempt to concatenate a nil value (Healthy reason)',
        },
      ],
    ])('%s', (_name, parts, expected) => {
      expect(crossplanePackageHealth(kind, pkg(kind, parts))).toEqual(expected);
    });
  },
);

describe.each<CrossplanePackageKind>([
  'ProviderRevision',
  'ConfigurationRevision',
  'FunctionRevision',
])('crossplanePackageHealth mirrors pkg.crossplane.io/%s/health.lua', kind => {
  it.each<Case>([
    [
      'no status',
      {},
      { status: 'Progressing', message: `Waiting for ${kind}` },
    ],
    [
      'Healthy=True',
      { status: { conditions: [healthy] } },
      { status: 'Healthy', message: 'HealthyPackageRevision' },
    ],
    [
      'Healthy=Unknown',
      {
        status: {
          conditions: [
            cond('Healthy', 'Unknown', 'UnknownPackageRevisionHealth'),
          ],
        },
      },
      { status: 'Degraded', message: 'UnknownPackageRevisionHealth' },
    ],
    [
      'no Healthy condition: Degraded without a message',
      { status: { conditions: [] } },
      { status: 'Degraded' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(crossplanePackageHealth(kind, pkg(kind, parts))).toEqual(expected);
  });
});

describe('crossplanePackageStatus', () => {
  it('puts the stale-generation rule over the check', () => {
    const provider = pkg('Provider', {
      metadata: { generation: 3 },
      status: { observedGeneration: 2, conditions: [installed, healthy] },
    });
    expect(crossplanePackageStatus('Provider')(provider).health).toEqual({
      status: 'Progressing',
      message:
        'Waiting for the controller to observe generation 3 (observed 2)',
    });
  });

  it('reads crossplane.io/paused as suspended', () => {
    const provider = pkg('Provider', {
      metadata: { annotations: { 'crossplane.io/paused': 'true' } },
      status: { conditions: [installed, healthy] },
    });
    expect(crossplanePackageStatus('Provider')(provider).suspended).toBe(true);
  });
});
