import { argoApp, cluster } from '../../__testUtils__/fixtures';
import {
  buildEnvironmentGrid,
  environmentRows,
  NO_ENVIRONMENT,
} from './gridModel';

describe('buildEnvironmentGrid', () => {
  it('orders environments dev, staging, prod whatever the object order', () => {
    const grid = buildEnvironmentGrid(
      [
        argoApp({ environment: 'prod', cluster: 'prod-eu' }),
        argoApp({ environment: 'dev', cluster: 'dev' }),
        argoApp({ environment: 'staging', cluster: 'dev' }),
      ],
      [],
    );
    expect(grid.environments).toEqual(['dev', 'staging', 'prod']);
  });

  it('places unknown environments by cluster configuration order', () => {
    const grid = buildEnvironmentGrid(
      [
        argoApp({ environment: 'perf', cluster: 'b' }),
        argoApp({ environment: 'canary', cluster: 'a' }),
      ],
      [
        cluster({ name: 'a', environment: 'canary' }),
        cluster({ name: 'b', environment: 'perf' }),
      ],
    );
    expect(grid.environments).toEqual(['canary', 'perf']);
    expect(grid.clusters).toEqual(['a', 'b']);
  });

  it("falls back to the cluster's environment, then to unassigned", () => {
    const grid = buildEnvironmentGrid(
      [
        argoApp({ environment: undefined, cluster: 'prod-eu' }),
        argoApp({ environment: undefined, cluster: 'lab' }),
      ],
      [cluster({ name: 'prod-eu', environment: 'prod' })],
    );
    expect(grid.environments).toEqual(['prod', NO_ENVIRONMENT]);
    expect(grid.cells.get('lab')?.get(NO_ENVIRONMENT)).toHaveLength(1);
  });
});

describe('environmentRows', () => {
  it('gives each environment only the clusters that run something in it', () => {
    const grid = buildEnvironmentGrid(
      [
        argoApp({ environment: 'prod', cluster: 'prod-us' }),
        argoApp({ environment: 'prod', cluster: 'prod-eu' }),
        argoApp({ environment: 'dev', cluster: 'dev' }),
        argoApp({ environment: 'staging', cluster: 'dev', name: 'shop-stg' }),
      ],
      [
        cluster({ name: 'dev', environment: 'dev' }),
        cluster({ name: 'prod-eu', environment: 'prod' }),
        cluster({ name: 'prod-us', environment: 'prod' }),
      ],
    );
    expect(
      environmentRows(grid).map(row => [
        row.environment,
        row.clusters.map(c => c.cluster),
      ]),
    ).toEqual([
      ['dev', ['dev']],
      ['staging', ['dev']],
      ['prod', ['prod-eu', 'prod-us']],
    ]);
  });
});
