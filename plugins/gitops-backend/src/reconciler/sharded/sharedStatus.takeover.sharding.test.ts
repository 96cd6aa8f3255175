import { TestDatabaseId } from '@backstage/backend-test-utils';
import { describeOnPostgres } from '../../__testUtils__/databases';
import { waitFor } from '../../__testUtils__/waitFor';
import { SHOP, startReplica, TEAM } from './__testUtils__/replicaHarness';
import {
  CLUSTERS,
  evenlySplit,
  healthOf,
  shardingDatabases,
  shopKey,
  useShardingSuite,
} from './__testUtils__/shardingSuite';

const databases = shardingDatabases();

describeOnPostgres(databases)(
  'shared status across a replica crash and takeover on %s',
  (databaseId: TestDatabaseId) => {
    const suite = useShardingSuite(databases, databaseId);

    /** Two replicas splitting the clusters; `cluster` is one `gone` holds, its object served by `survivor`. */
    async function twoReplicasServing() {
      const list = await suite.start(2);
      await waitFor('an even split', () => evenlySplit(list));
      const [gone, survivor] = list;
      const cluster = gone.sharded.held()[0];
      await waitFor(
        'the object served',
        async () => (await healthOf(survivor, cluster)) === 'Healthy',
      );
      return { gone, survivor, cluster };
    }

    it('shows a change made while a crashed replica held the cluster, after takeover', async () => {
      const { gone, survivor, cluster } = await twoReplicasServing();
      await suite.crash(gone);
      suite.setShopHealth(cluster, 'Degraded');
      await waitFor(
        'the change visible after takeover',
        async () => (await healthOf(survivor, cluster)) === 'Degraded',
      );
      expect(survivor.sharded.held()).toContain(cluster);
    });

    it('drops an object deleted while no replica watched its cluster', async () => {
      const { gone, survivor, cluster } = await twoReplicasServing();
      await suite.crash(gone);
      suite.emulator
        .cluster(cluster)
        .remove(
          'argoproj.io/v1alpha1',
          'Application',
          `shop-${cluster}`,
          'argocd',
        );
      await waitFor('the cluster taken over', () =>
        survivor.sharded.held().includes(cluster),
      );
      await waitFor(
        'the object gone',
        async () => (await healthOf(survivor, cluster)) === undefined,
      );
      const team = await survivor.sharded.statusStore.teamView(TEAM, [SHOP]);
      expect(team.counts.total).toBe(CLUSTERS.length - 1);
    });

    it("serves a crashed replica's clusters stale, not lost, until another takes them", async () => {
      // A long lease keeps the clusters unowned while the test looks; stale after 1 s without a report.
      const timings = { leaseDurationMs: 6_000, staleAfterMs: 1_000 };
      for (const name of ['slow-0', 'slow-1']) {
        suite.replicas.push(
          await startReplica(name, suite.knex, suite.emulator, timings),
        );
      }
      await waitFor('an even split', () => evenlySplit(suite.replicas));
      const [gone, survivor] = suite.replicas;
      const orphaned = gone.sharded.held();
      await waitFor('every object served', async () => {
        const team = await survivor.sharded.statusStore.teamView(TEAM, [SHOP]);
        return team.counts.total === CLUSTERS.length;
      });
      await suite.crash(gone);
      const states = await waitFor('the orphaned clusters stale', async () => {
        const all = await survivor.sharded.statusStore.clusters();
        const mine = all.filter(state => orphaned.includes(state.name));
        return mine.every(state => state.staleSince) ? mine : undefined;
      });
      expect(states.map(state => state.state)).toEqual(
        orphaned.map(() => 'unreachable'),
      );
      const { objects } = await survivor.sharded.statusStore.entityObjects(
        SHOP,
      );
      expect(
        orphaned.map(c => objects.find(o => o.cluster === c)?.stale?.since),
      ).toEqual(orphaned.map(() => expect.any(String)));
    });

    it('records each transition once across a takeover', async () => {
      const { gone, survivor, cluster } = await twoReplicasServing();
      suite.setShopHealth(cluster, 'Degraded');
      await waitFor(
        'the change served',
        async () => (await healthOf(survivor, cluster)) === 'Degraded',
      );
      await suite.crash(gone);
      await waitFor('the cluster taken over', () =>
        survivor.sharded.held().includes(cluster),
      );
      // The new owner relists the unchanged object; then stop to flush its history recorder.
      await waitFor('the takeover relisted', async () => {
        const rows = await suite
          .knex('gitops_object_status')
          .where({
            key: shopKey(cluster),
          })
          .first();
        return rows?.owner === survivor.name;
      });
      await survivor.stop();
      suite.replicas = [];
      const history = await survivor.history.query({
        entityRef: 'component:default/none',
        objectKeys: [shopKey(cluster)],
        limit: 100,
      });
      expect(
        history.map(entry => [entry.from.health, entry.to.health]),
      ).toEqual([
        ['Healthy', 'Degraded'],
        [undefined, 'Healthy'],
      ]);
    });
  },
);
