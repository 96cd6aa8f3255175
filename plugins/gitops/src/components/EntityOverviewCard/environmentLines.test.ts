import { argoApp } from '../../__testUtils__/fixtures';
import { environmentLines } from './environmentLines';

const NOW = Date.parse('2025-03-01T12:10:00.000Z');

describe('environmentLines', () => {
  it('orders environments dev → prod, objects without one under their cluster', () => {
    const lines = environmentLines(
      [
        argoApp({ name: 'a', environment: 'prod', cluster: 'prod-eu' }),
        argoApp({ name: 'b', environment: undefined, cluster: 'edge-1' }),
        argoApp({ name: 'c', environment: 'dev', cluster: 'dev-1' }),
      ],
      NOW,
    );
    expect(lines.map(line => line.environment)).toEqual([
      'dev',
      'prod',
      'edge-1',
    ]);
  });

  it('takes the worst health and sync of the environment and names its clusters', () => {
    const [line] = environmentLines(
      [
        argoApp({ name: 'a', cluster: 'prod-us' }),
        argoApp({
          name: 'b',
          cluster: 'prod-eu',
          sync: 'OutOfSync',
          health: { status: 'Degraded' },
        }),
      ],
      NOW,
    );
    expect(line).toMatchObject({
      environment: 'prod',
      cell: { health: 'Degraded', sync: 'OutOfSync' },
      clusters: ['prod-eu', 'prod-us'],
    });
  });

  it('lets only kinds with a sync state decide the sync', () => {
    const [line] = environmentLines(
      [
        argoApp({ name: 'a' }),
        argoApp({
          name: 'r',
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          sync: 'Unknown',
        }),
      ],
      NOW,
    );
    expect(line.cell.sync).toBe('Synced');
  });

  it('gives the age of the stalest object', () => {
    const [line] = environmentLines(
      [
        argoApp({
          name: 'a',
          stale: { since: '2025-03-01T12:05:00.000Z', ageSeconds: 1 },
        }),
        argoApp({
          name: 'b',
          stale: { since: '2025-03-01T12:00:00.000Z', ageSeconds: 1 },
        }),
      ],
      NOW,
    );
    expect(line).toMatchObject({ cell: { stale: true }, staleAgeSeconds: 600 });
  });
});
