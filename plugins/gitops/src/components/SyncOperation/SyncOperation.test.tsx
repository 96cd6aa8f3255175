import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { SyncStep } from '@gitops-portal/plugin-gitops-common';
import { argoApp } from '../../__testUtils__/fixtures';
import { SyncOperation } from './SyncOperation';
import { syncStages } from './syncOperationModel';

const hook = (hookPhase: SyncStep['hookPhase']): SyncStep => ({
  group: 'batch',
  kind: 'Job',
  name: 'orders-migrate',
  syncPhase: 'PreSync',
  hookType: 'PreSync',
  hookPhase,
});
const applied = (name: string, wave: number, status?: string): SyncStep => ({
  group: '',
  kind: 'ConfigMap',
  name,
  syncPhase: 'Sync',
  wave,
  ...(status ? { status } : {}),
});

describe('syncStages', () => {
  it.each<[string, SyncStep[], Array<[string, string, string[]]>]>([
    [
      'a running PreSync hook before any wave',
      [hook('Running')],
      [['PreSync', 'running', ['orders-migrate']]],
    ],
    [
      'phases in order and waves lowest first, whatever order Argo CD lists them in',
      [
        applied('second', 1, 'Synced'),
        applied('first', -1, 'Synced'),
        hook('Succeeded'),
        applied('pending', 1),
      ],
      [
        ['PreSync', 'done', ['orders-migrate']],
        ['Sync · wave -1', 'done', ['first']],
        ['Sync · wave 1', 'running', ['second', 'pending']],
      ],
    ],
    [
      'a failed resource fails its stage',
      [hook('Failed')],
      [['PreSync', 'failed', ['orders-migrate']]],
    ],
  ])('%s', (_case, steps, stages) => {
    expect(
      syncStages(steps).map(stage => [
        stage.label,
        stage.state,
        stage.steps.map(step => step.name),
      ]),
    ).toEqual(stages);
  });
});

describe('SyncOperation', () => {
  it('lists the running operation stage by stage', async () => {
    await renderInTestApp(
      <SyncOperation
        object={argoApp({
          operation: {
            phase: 'Running',
            steps: [hook('Succeeded'), applied('settings', 0)],
          },
        })}
      />,
    );
    const list = screen.getByRole('list', { name: 'Sync operation Running' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual(['PreSync: done', 'Sync · wave 0: running']);
  });

  it('shows nothing for an operation without steps', async () => {
    await renderInTestApp(
      <SyncOperation object={argoApp({ operation: { phase: 'Succeeded' } })} />,
    );
    expect(screen.queryByRole('list')).toBeNull();
  });
});
