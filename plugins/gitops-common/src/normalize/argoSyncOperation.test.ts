import { k8s } from '../__fixtures__/objects';
import { argoApplicationStatus } from './argoApplication';

/** A sync of a service whose migration Job is a PreSync hook and whose ConfigMap is in wave -1. */
const migrateHook = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  namespace: 'orders',
  name: 'orders-migrate',
  hookType: 'PreSync',
  hookPhase: 'Running',
  syncPhase: 'PreSync',
  message: 'job is running',
};
const configMap = {
  version: 'v1',
  kind: 'ConfigMap',
  namespace: 'orders',
  name: 'orders-settings',
  status: 'Synced',
  syncPhase: 'Sync',
  message: 'configmap/orders-settings created',
};
const deployment = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  namespace: 'orders',
  name: 'orders',
  status: 'Synced',
  // Argo CD leaves the phase of main-phase resources empty in some versions.
};

const application = (
  operationState: Record<string, unknown>,
  resources: unknown[] = [
    { ...configMap, syncWave: -1 },
    // syncWave is omitempty: a listed resource without it is in wave 0.
    { ...deployment },
  ],
) =>
  k8s('argoproj.io/v1alpha1', 'Application', {
    spec: { source: { repoURL: 'https://git.example.org/c.git', path: 'a' } },
    status: { sync: { status: 'OutOfSync' }, operationState, resources },
  });

describe('argoApplicationStatus: the sync operation phases and waves', () => {
  it.each([
    [
      'a running PreSync hook, with its hook phase and no known wave',
      { phase: 'Running', syncResult: { resources: [migrateHook] } },
      [
        {
          group: 'batch',
          kind: 'Job',
          namespace: 'orders',
          name: 'orders-migrate',
          syncPhase: 'PreSync',
          hookType: 'PreSync',
          hookPhase: 'Running',
          message: 'job is running',
        },
      ],
    ],
    [
      'applied resources in the main phase, each with its wave from status.resources',
      {
        phase: 'Running',
        syncResult: {
          resources: [
            { ...migrateHook, hookPhase: 'Succeeded' },
            configMap,
            deployment,
          ],
        },
      },
      [
        expect.objectContaining({
          name: 'orders-migrate',
          hookPhase: 'Succeeded',
        }),
        {
          group: '',
          kind: 'ConfigMap',
          namespace: 'orders',
          name: 'orders-settings',
          syncPhase: 'Sync',
          wave: -1,
          status: 'Synced',
          message: 'configmap/orders-settings created',
        },
        {
          group: 'apps',
          kind: 'Deployment',
          namespace: 'orders',
          name: 'orders',
          syncPhase: 'Sync',
          wave: 0,
          status: 'Synced',
        },
      ],
    ],
    [
      'a failed hook, kept so the entity shows what failed',
      {
        phase: 'Failed',
        syncResult: {
          resources: [
            {
              ...migrateHook,
              hookPhase: 'Failed',
              message: 'BackoffLimitExceeded',
            },
          ],
        },
      },
      [
        expect.objectContaining({
          syncPhase: 'PreSync',
          hookPhase: 'Failed',
          message: 'BackoffLimitExceeded',
        }),
      ],
    ],
    [
      'a succeeded operation, without steps (nothing is running)',
      {
        phase: 'Succeeded',
        syncResult: { resources: [configMap, deployment] },
      },
      undefined,
    ],
    [
      'a running operation before Argo CD lists any resource',
      { phase: 'Running', message: 'one or more tasks are running' },
      undefined,
    ],
    [
      'entries without kind or name, and unknown phases, dropped or read as the main phase',
      {
        phase: 'Running',
        syncResult: {
          resources: [
            { kind: 'Job' },
            'not an object',
            { ...deployment, syncPhase: 'Sometime', hookPhase: 'Soon' },
          ],
        },
      },
      [
        {
          group: 'apps',
          kind: 'Deployment',
          namespace: 'orders',
          name: 'orders',
          syncPhase: 'Sync',
          wave: 0,
          status: 'Synced',
        },
      ],
    ],
  ])('%s', (_case, operationState, steps) => {
    expect(
      argoApplicationStatus(application(operationState)).operation?.steps,
    ).toEqual(steps);
  });

  it('leaves the wave unknown for a resource Argo CD does not list in status.resources', () => {
    const status = argoApplicationStatus(
      application(
        { phase: 'Running', syncResult: { resources: [deployment] } },
        [],
      ),
    );
    expect(status.operation?.steps?.[0]).not.toHaveProperty('wave');
  });
});
