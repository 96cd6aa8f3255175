import { Health } from '../schema';
import {
  BLOCKED_MESSAGE,
  cond,
  DELETING,
  DELETING_NO_FINALIZERS,
  k8s,
  ObjectParts,
} from '../__fixtures__/objects';
import { FLUX_GROUPS, FluxKind, fluxHealth } from './fluxHealth';

const flux = (kind: FluxKind, parts: ObjectParts) =>
  k8s(`${FLUX_GROUPS[kind]}/v1`, kind, parts);

type Case = [string, Record<string, unknown>, Health];

const UNKNOWN_STATUS: Health = {
  status: 'Progressing',
  message: 'Status unknown',
};

describe('fluxHealth mirrors kustomize.toolkit.fluxcd.io/Kustomization/health.lua', () => {
  const ks = (parts: ObjectParts) => flux('Kustomization', parts);
  const ready = cond('Ready', 'True', 'ReconciliationSucceeded');
  it.each<Case>([
    [
      'deleting with finalizers',
      ks({ metadata: DELETING, spec: {} }),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    [
      'deleting without finalizers',
      ks({ metadata: DELETING_NO_FINALIZERS, spec: {} }),
      { status: 'Progressing', message: 'Pending deletion' },
    ],
    [
      'deleting with an empty finalizer list',
      ks({ metadata: { ...DELETING, finalizers: [] }, spec: {} }),
      { status: 'Progressing', message: 'Pending deletion' },
    ],
    [
      'deleting before the spec is read',
      ks({ metadata: DELETING }),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    [
      'suspended',
      ks({ spec: { suspend: true }, status: { conditions: [ready] } }),
      { status: 'Suspended', message: 'Kustomization is suspended' },
    ],
    [
      'suspend false reads the conditions',
      ks({ spec: { suspend: false }, status: { conditions: [ready] } }),
      { status: 'Healthy', message: 'ReconciliationSucceeded' },
    ],
    [
      'suspend "true" (a string) is not suspended',
      ks({ spec: { suspend: 'true' }, status: { conditions: [ready] } }),
      { status: 'Healthy', message: 'ReconciliationSucceeded' },
    ],
    ['no status', ks({ spec: {} }), UNKNOWN_STATUS],
    [
      'status without conditions',
      ks({ spec: {}, status: { observedGeneration: 1 } }),
      UNKNOWN_STATUS,
    ],
    [
      'Ready=True',
      ks({ spec: {}, status: { conditions: [ready] } }),
      { status: 'Healthy', message: 'ReconciliationSucceeded' },
    ],
    [
      'Ready=True while Reconciling=True',
      ks({
        spec: {},
        status: {
          conditions: [ready, cond('Reconciling', 'True', 'Progressing')],
        },
      }),
      { status: 'Healthy', message: 'ReconciliationSucceeded' },
    ],
    [
      'Ready=Unknown and Reconciling=True',
      ks({
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True', 'Progressing'),
            cond('Ready', 'Unknown', 'Progressing'),
          ],
        },
      }),
      { status: 'Progressing', message: 'Progressing' },
    ],
    [
      'Ready=Unknown alone counts one progressing: Degraded',
      ks({
        spec: {},
        status: {
          conditions: [cond('Ready', 'Unknown', 'DependencyNotReady')],
        },
      }),
      { status: 'Degraded', message: 'DependencyNotReady' },
    ],
    [
      'Ready=False',
      ks({
        spec: {},
        status: {
          conditions: [
            cond('Ready', 'False', 'BuildFailed', 'kustomize build failed'),
          ],
        },
      }),
      { status: 'Degraded', message: 'BuildFailed' },
    ],
    [
      'Stalled=True plays no part',
      ks({
        spec: {},
        status: {
          conditions: [
            cond('Stalled', 'True', 'ArtifactFailed'),
            cond('Ready', 'False', 'ArtifactFailed'),
          ],
        },
      }),
      { status: 'Degraded', message: 'ArtifactFailed' },
    ],
    [
      'empty condition list',
      ks({ spec: {}, status: { conditions: [] } }),
      { status: 'Degraded' },
    ],
    [
      'Ready=True without a reason',
      ks({ spec: {}, status: { conditions: [cond('Ready', 'True')] } }),
      { status: 'Healthy' },
    ],
    [
      'two Ready=True count two successes: Degraded',
      ks({
        spec: {},
        status: { conditions: [ready, cond('Ready', 'True', 'Again')] },
      }),
      { status: 'Degraded', message: 'Again' },
    ],
    [
      'conflicting Ready conditions: one success, last reason',
      ks({
        spec: {},
        status: { conditions: [ready, cond('Ready', 'False', 'BuildFailed')] },
      }),
      { status: 'Healthy', message: 'BuildFailed' },
    ],
    [
      'observedGeneration behind is not checked by Argo CD',
      ks({
        metadata: { generation: 3 },
        spec: {},
        status: { observedGeneration: 2, conditions: [ready] },
      }),
      { status: 'Healthy', message: 'ReconciliationSucceeded' },
    ],
    [
      'no spec is a script error',
      ks({ status: { conditions: [ready] } }),
      { status: 'Unknown', message: 'Health check failed: spec is missing' },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(fluxHealth(obj)).toEqual(expected);
  });
});

describe('fluxHealth mirrors helm.toolkit.fluxcd.io/HelmRelease/health.lua', () => {
  const hr = (parts: ObjectParts) => flux('HelmRelease', parts);
  const ready = cond('Ready', 'True', 'InstallSucceeded');
  const released = cond('Released', 'True', 'InstallSucceeded');
  it.each<Case>([
    [
      'deleting',
      hr({ metadata: DELETING, spec: {} }),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    [
      'suspended',
      hr({ spec: { suspend: true } }),
      { status: 'Suspended', message: 'HelmRelease is suspended' },
    ],
    ['no status', hr({ spec: {} }), UNKNOWN_STATUS],
    [
      'Ready=True and Released=True',
      hr({ spec: {}, status: { conditions: [ready, released] } }),
      { status: 'Healthy', message: 'InstallSucceeded' },
    ],
    [
      'Ready=True and TestSuccess=True',
      hr({
        spec: {},
        status: {
          conditions: [ready, cond('TestSuccess', 'True', 'TestSucceeded')],
        },
      }),
      { status: 'Healthy', message: 'InstallSucceeded' },
    ],
    [
      'Ready=True alone is one success: Degraded',
      hr({ spec: {}, status: { conditions: [ready] } }),
      { status: 'Degraded', message: 'InstallSucceeded' },
    ],
    [
      'Ready, Released and TestSuccess all True are three successes: Degraded',
      hr({
        spec: {},
        status: { conditions: [ready, released, cond('TestSuccess', 'True')] },
      }),
      { status: 'Degraded', message: 'InstallSucceeded' },
    ],
    [
      'Released=True without Ready',
      hr({ spec: {}, status: { conditions: [released] } }),
      { status: 'Degraded' },
    ],
    [
      'Ready=Unknown and Reconciling=True',
      hr({
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True', 'Progressing'),
            cond('Ready', 'Unknown', 'Progressing'),
          ],
        },
      }),
      { status: 'Progressing', message: 'Progressing' },
    ],
    [
      'progressing wins over two successes',
      hr({
        spec: {},
        status: {
          conditions: [
            cond('Reconciling', 'True'),
            cond('Ready', 'Unknown', 'Progressing'),
            released,
            cond('TestSuccess', 'True'),
          ],
        },
      }),
      { status: 'Progressing', message: 'Progressing' },
    ],
    [
      'upgrade failed',
      hr({
        spec: {},
        status: {
          conditions: [
            cond('Ready', 'False', 'UpgradeFailed'),
            cond('Released', 'False', 'UpgradeFailed'),
          ],
        },
      }),
      { status: 'Degraded', message: 'UpgradeFailed' },
    ],
    [
      'stalled after retries',
      hr({
        spec: {},
        status: {
          conditions: [
            cond('Stalled', 'True', 'RetriesExceeded'),
            cond('Ready', 'False', 'RetriesExceeded'),
          ],
        },
      }),
      { status: 'Degraded', message: 'RetriesExceeded' },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(fluxHealth(obj)).toEqual(expected);
  });
});
