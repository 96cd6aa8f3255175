import type { TeamStatusRow } from '@gitops-portal/plugin-gitops-common';
import { teamStatus } from '../../__testUtils__/fixtures';
import {
  filterAndSortRows,
  mergeTeamStatuses,
  NO_FILTERS,
  teamEnvironments,
} from './teamRows';

const rows: TeamStatusRow[] = [
  {
    entityRef: 'component:default/cart',
    environments: { prod: { sync: 'Synced', health: 'Healthy' } },
    worstHealth: 'Healthy',
  },
  {
    entityRef: 'component:default/shop',
    environments: {
      prod: { sync: 'OutOfSync', health: 'Degraded' },
      dev: { sync: 'Synced', health: 'Healthy' },
    },
    worstHealth: 'Degraded',
  },
  {
    entityRef: 'component:default/auth',
    environments: { staging: { sync: 'Synced', health: 'Progressing' } },
    worstHealth: 'Progressing',
  },
];

const refs = (list: TeamStatusRow[]) => list.map(row => row.entityRef);

describe('filterAndSortRows', () => {
  it('puts the worst health first', () => {
    expect(refs(filterAndSortRows(rows, NO_FILTERS))).toEqual([
      'component:default/shop',
      'component:default/auth',
      'component:default/cart',
    ]);
  });

  it.each([
    [{ health: 'Degraded' as const }, ['component:default/shop']],
    [{ sync: 'OutOfSync' as const }, ['component:default/shop']],
    [{ environment: 'staging' }, ['component:default/auth']],
    [{ text: 'CART' }, ['component:default/cart']],
    [{ environment: 'dev', health: 'Degraded' as const }, []],
  ])('narrows rows by %j', (filters, expected) => {
    expect(
      refs(filterAndSortRows(rows, { ...NO_FILTERS, ...filters })),
    ).toEqual(expected);
  });
});

describe('filterAndSortRows in a cluster', () => {
  it('keeps only the services with an object in the cluster', () => {
    expect(
      refs(
        filterAndSortRows(
          rows,
          NO_FILTERS,
          new Set(['component:default/cart', 'component:default/auth']),
        ),
      ),
    ).toEqual(['component:default/auth', 'component:default/cart']);
  });
});

describe('mergeTeamStatuses', () => {
  const [cart, shop, auth] = rows;
  const merged = mergeTeamStatuses([
    { ...teamStatus([cart, shop]), team: 'group:default/a' },
    { ...teamStatus([shop, auth]), team: 'group:default/b' },
  ]);

  it('lists a service two teams own once, naming both', () => {
    expect(merged.rows.map(row => [row.entityRef, row.teams])).toEqual([
      ['component:default/cart', ['group:default/a']],
      ['component:default/shop', ['group:default/a', 'group:default/b']],
      ['component:default/auth', ['group:default/b']],
    ]);
  });

  it("sums the teams' counts", () => {
    expect(merged.counts).toMatchObject({
      total: 6,
      byHealth: { Degraded: 2, Healthy: 3, Progressing: 1, Missing: 0 },
      bySync: { OutOfSync: 2, Synced: 4, Unknown: 0 },
    });
  });
});

describe('teamEnvironments', () => {
  it('orders environments dev → prod', () => {
    expect(teamEnvironments(rows)).toEqual(['dev', 'staging', 'prod']);
  });
});
