import { delivery } from '../../__testUtils__/fixtures';
import { deliverySteps, totalLeadSeconds } from './deliverySteps';

describe('deliverySteps', () => {
  it('orders environments dev → staging and gives each step its lead time', () => {
    expect(
      deliverySteps(delivery()).map(s => [s.label, s.state, s.leadSeconds]),
    ).toEqual([
      ['Opened', 'done', undefined],
      ['Merged', 'done', 1800],
      ['Synced in dev', 'done', 60],
      ['Healthy in dev', 'done', 45],
      ['Synced in staging', 'done', 180],
      ['Healthy in staging', 'waiting', undefined],
    ]);
  });

  it.each([
    ['open', 'waiting'],
    ['closed', 'closed'],
  ] as const)(
    'ends an unmerged %s pull request at a %s merge step',
    (state, mergeState) => {
      const steps = deliverySteps(
        delivery({
          state,
          mergedAt: undefined,
          mergeCommit: undefined,
          environments: [],
        }),
      );
      expect(steps.map(s => [s.label, s.state])).toEqual([
        ['Opened', 'done'],
        ['Merged', mergeState],
      ]);
    },
  );

  it('shows only the environments the pull request changed', () => {
    const steps = deliverySteps(
      delivery({
        environments: [
          { environment: 'dev', changed: false, targets: [] },
          {
            environment: 'staging',
            changed: true,
            syncedAt: '2025-03-01T10:33:00.000Z',
            targets: [],
          },
        ],
      }),
    );
    expect(steps.slice(2).map(s => s.label)).toEqual([
      'Synced in staging',
      'Healthy in staging',
    ]);
  });

  it('marks healthy as pending while the environment is not synced', () => {
    const steps = deliverySteps(
      delivery({
        environments: [{ environment: 'prod', changed: true, targets: [] }],
      }),
    );
    expect(steps.slice(2).map(s => [s.label, s.state])).toEqual([
      ['Synced in prod', 'waiting'],
      ['Healthy in prod', 'pending'],
    ]);
  });
});

describe('totalLeadSeconds', () => {
  it.each([
    ['an environment is not healthy yet', delivery(), undefined],
    [
      'every environment is healthy',
      delivery({
        environments: [
          {
            environment: 'dev',
            changed: true,
            syncedAt: '2025-03-01T10:31:00.000Z',
            healthyAt: '2025-03-01T10:40:00.000Z',
            targets: [],
          },
        ],
      }),
      2400,
    ],
  ])('is %s → %s', (_case, value, expected) => {
    expect(totalLeadSeconds(value)).toBe(expected);
  });
});
