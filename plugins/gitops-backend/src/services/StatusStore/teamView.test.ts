import { countBySync, ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import {
  SHOP,
  SYNC_FAMILIES,
  syncedApplication,
  TEAM,
} from './__testUtils__/syncFamilies';
import { compareObjects } from './overviewFilter';
import { teamViewOf } from './teamView';

const teamOf = (objects: ObjectStatus[]) =>
  teamViewOf(TEAM, [SHOP], () => [...objects].sort(compareObjects));

describe('teamViewOf sync', () => {
  it.each(SYNC_FAMILIES)(
    '%s next to a Synced Application: the cell is %s',
    (_family, object, cellSync) => {
      const { rows } = teamOf([syncedApplication(), object]);
      expect(rows[0].environments.dev.sync).toBe(cellSync);
    },
  );

  it.each(SYNC_FAMILIES)(
    '%s next to a Synced Application: counted by sync only with a sync state',
    (_family, object, cellSync) => {
      const { counts } = teamOf([syncedApplication(), object]);
      const expected =
        cellSync === 'Synced'
          ? countBySync(['Synced'])
          : countBySync(['Synced', cellSync]);
      expect([counts.bySync, counts.total]).toEqual([expected, 2]);
    },
  );

  it('shows Unknown for an environment where nothing has a sync state', () => {
    const [, rollout] = SYNC_FAMILIES.find(([family]) =>
      family.includes('Rollout'),
    )!;
    expect(teamOf([rollout]).rows[0].environments.dev.sync).toBe('Unknown');
  });
});

describe('teamViewOf previews', () => {
  /** A Degraded Application of the service's preview for pull request 7. */
  const preview: ObjectStatus = {
    ...syncedApplication(),
    key: 'dev/argoproj.io/Application/argocd/shop-pr-7',
    name: 'shop-pr-7',
    environment: 'pr-7',
    health: { status: 'Degraded' },
    preview: {
      pullRequestNumber: 7,
      pullRequestUrl: 'https://github.com/acme/shop/pull/7',
    },
  };

  it("leaves a preview's objects out of the row and the team's counts", () => {
    const { rows, counts } = teamOf([syncedApplication(), preview]);
    expect([Object.keys(rows[0].environments), counts.total]).toEqual([
      ['dev'],
      1,
    ]);
  });
});
