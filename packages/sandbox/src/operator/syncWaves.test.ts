import { KubeObject } from '@internal/kube-emulator';
import { argoApplicationStatus } from '@gitops-portal/plugin-gitops-common';
import { statusDuringStage, syncStages } from './syncWaves';

const object = (
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
): KubeObject => ({
  apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1',
  kind,
  metadata: { name, namespace: 'orders', annotations },
});

const migrateHook = object('Job', 'orders-migrate', {
  'argocd.argoproj.io/hook': 'PreSync',
  'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
});
const migrateWave = object('Job', 'orders-migrate', {
  'argocd.argoproj.io/sync-wave': '-1',
});
const deployment = object('Deployment', 'orders');

describe('syncStages', () => {
  it.each<[string, KubeObject[], string[]]>([
    ['a plain sync: nothing to order', [deployment], []],
    [
      'a PreSync hook before the main phase',
      [deployment, migrateHook],
      ['PreSync 0: orders-migrate', 'Sync 0: orders'],
    ],
    [
      'waves lowest first',
      [deployment, migrateWave],
      ['Sync -1: orders-migrate', 'Sync 0: orders'],
    ],
    [
      'hooks that do not run in a successful sync left out',
      [
        deployment,
        migrateHook,
        object('Job', 'cleanup', { 'argocd.argoproj.io/hook': 'SyncFail' }),
      ],
      ['PreSync 0: orders-migrate', 'Sync 0: orders'],
    ],
  ])('%s', (_case, rendered, stages) => {
    expect(
      syncStages(rendered).map(
        stage =>
          `${stage.phase} ${stage.wave}: ${stage.resources
            .map(r => r.name)
            .join(',')}`,
      ),
    ).toEqual(stages);
  });
});

describe('statusDuringStage', () => {
  const stages = syncStages([deployment, migrateHook]);
  const status = {
    resources: [
      {
        group: 'apps',
        kind: 'Deployment',
        namespace: 'orders',
        name: 'orders',
      },
      {
        group: 'batch',
        kind: 'Job',
        namespace: 'orders',
        name: 'orders-migrate',
      },
    ],
    operationState: { phase: 'Running', startedAt: '2026-01-01T00:00:00Z' },
  };
  /** What the portal's normaliser reads of it: each step's phase and result. */
  const steps = (current: number) =>
    argoApplicationStatus({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'orders-dev', namespace: 'argocd' },
      status: statusDuringStage(status, stages, current),
    }).operation?.steps?.map(s => [
      s.syncPhase,
      s.name,
      s.hookPhase ?? s.status,
    ]);

  it.each([
    [0, [['PreSync', 'orders-migrate', 'Running']]],
    [
      1,
      [
        ['PreSync', 'orders-migrate', 'Succeeded'],
        ['Sync', 'orders', 'Synced'],
      ],
    ],
  ])('stage %i reads as the portal shows it', (current, expected) => {
    expect(steps(current)).toEqual(expected);
  });

  it('lists no hook in status.resources, as Argo CD does', () => {
    expect(
      statusDuringStage(status, stages, 0).resources.map(
        (r: { name: string }) => r.name,
      ),
    ).toEqual(['orders']);
  });
});
