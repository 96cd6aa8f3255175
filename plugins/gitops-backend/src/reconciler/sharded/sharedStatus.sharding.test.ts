import { TestDatabaseId } from '@backstage/backend-test-utils';
import { describeOnPostgres } from '../../__testUtils__/databases';
import { waitFor } from '../../__testUtils__/waitFor';
import { SHOP, TEAM } from './__testUtils__/replicaHarness';
import {
  CLUSTERS,
  evenlySplit,
  healthOf,
  shardingDatabases,
  useShardingSuite,
} from './__testUtils__/shardingSuite';

const databases = shardingDatabases();

describeOnPostgres(databases)(
  'shared status served by every replica on %s',
  (databaseId: TestDatabaseId) => {
    const suite = useShardingSuite(databases, databaseId);

    it.each([
      ['from the team read model', true],
      ['from PostgreSQL', false],
    ])(
      'answers team status with every cluster from every replica, %s',
      async (_how, teamView) => {
        const list = await suite.start(3, { teamView });
        await waitFor('an even split', () => evenlySplit(list));
        for (const replica of list) {
          const team = await waitFor(
            'all clusters in the TeamView',
            async () => {
              const status = await replica.sharded.statusStore.teamView(TEAM, [
                SHOP,
              ]);
              return status.counts.total === CLUSTERS.length
                ? status
                : undefined;
            },
          );
          expect(Object.keys(team.rows[0].environments).sort()).toEqual(
            CLUSTERS,
          );
        }
      },
    );

    it('serves every cluster in /clusters from every replica', async () => {
      const list = await suite.start(2);
      await waitFor('an even split', () => evenlySplit(list));
      for (const replica of list) {
        await waitFor('every cluster reported ok', async () => {
          const states = await replica.sharded.statusStore.clusters();
          return states.every(state => state.state === 'ok');
        });
        const states = await replica.sharded.statusStore.clusters();
        expect(states.map(state => state.name)).toEqual(CLUSTERS);
      }
    });

    it.each([
      ['another replica wrote, on the other replica', 1],
      ['it wrote, on the owner once the row holds it', 0],
    ])('signals browsers about a change %s', async (_name, reader) => {
      const list = await suite.start(2);
      await waitFor('an even split', () => evenlySplit(list));
      const owner = list[0];
      const other = list[reader];
      const cluster = owner.sharded.held()[0];
      await waitFor(
        'the object served',
        async () => (await healthOf(other, cluster)) === 'Healthy',
      );
      const signalled = () =>
        other.published.some(
          change =>
            change.entityRefs?.includes(SHOP) &&
            change.clusters?.includes(cluster),
        );
      // The first listing is signalled too: wait for it, so the next signal is the change's.
      await waitFor('the first listing signalled', signalled);
      other.published.length = 0;
      suite.setShopHealth(cluster, 'Degraded');
      await waitFor('a signal', signalled);
      expect(await healthOf(other, cluster)).toBe('Degraded');
    });
  },
);
