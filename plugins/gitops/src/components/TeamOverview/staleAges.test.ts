import { cluster } from '../../__testUtils__/fixtures';
import { staleAgeByEnvironment, staleClusters } from './staleAges';

const NOW = Date.parse('2025-03-01T12:10:00.000Z');

describe('staleClusters', () => {
  it('lists the stale clusters oldest first, with their age and environment', () => {
    expect(
      staleClusters(
        [
          cluster({ name: 'live', environment: 'prod' }),
          cluster({
            name: 'prod-us',
            environment: 'prod',
            staleSince: '2025-03-01T12:05:00.000Z',
          }),
          cluster({
            name: 'edge',
            environment: undefined,
            staleSince: '2025-03-01T11:10:00.000Z',
          }),
        ],
        NOW,
      ),
    ).toEqual([
      { name: 'edge', environment: 'edge', ageSeconds: 3600 },
      { name: 'prod-us', environment: 'prod', ageSeconds: 300 },
    ]);
  });
});

describe('staleAgeByEnvironment', () => {
  it('keeps the stalest cluster of each environment', () => {
    expect(
      staleAgeByEnvironment([
        { name: 'a', environment: 'prod', ageSeconds: 30 },
        { name: 'b', environment: 'prod', ageSeconds: 300 },
        { name: 'c', environment: 'dev', ageSeconds: 5 },
      ]),
    ).toEqual(
      new Map([
        ['prod', 300],
        ['dev', 5],
      ]),
    );
  });
});
