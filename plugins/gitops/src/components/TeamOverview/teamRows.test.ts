import type { TeamStatusRow } from '@gitops-portal/plugin-gitops-common';
import { filterAndSortRows, NO_FILTERS, teamEnvironments } from './teamRows';

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

describe('teamEnvironments', () => {
  it('orders environments dev → prod', () => {
    expect(teamEnvironments(rows)).toEqual(['dev', 'staging', 'prod']);
  });
});
