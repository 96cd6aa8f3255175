import { TestDatabaseId } from '@backstage/backend-test-utils';
import { describeOnPostgres } from '../../__testUtils__/databases';
import { waitFor } from '../../__testUtils__/waitFor';
import { createLeaseStore } from './createLeaseStore';
import { assertShardingDatabase } from './createShardedReconciler';
import { startReplica } from './__testUtils__/replicaHarness';
import {
  CLUSTERS,
  evenlySplit,
  healthOf,
  heldBy,
  shardingDatabases,
  useShardingSuite,
} from './__testUtils__/shardingSuite';

const databases = shardingDatabases();

describe('sharding on SQLite', () => {
  it('refuses to start with a clear error', async () => {
    const knex = await databases.init('SQLITE_3');
    expect(() => assertShardingDatabase(knex)).toThrow(
      /gitops.sharding.enabled needs PostgreSQL .* not 'better-sqlite3'/,
    );
  });
});

describeOnPostgres(databases)(
  'cluster leases on %s',
  (databaseId: TestDatabaseId) => {
    const suite = useShardingSuite(databases, databaseId);

    it.each([[2], [3]])(
      'splits the clusters between %i replicas without overlap',
      async count => {
        const list = await suite.start(count);
        await waitFor('an even split', () => evenlySplit(list));
        const holders = await createLeaseStore(suite.knex).holders();
        expect(
          list.map(r => r.sharded.held().every(c => holders.get(c) === r.name)),
        ).toEqual(list.map(() => true));
      },
    );

    it('hands a fair share to a replica that joins later', async () => {
      const [first] = await suite.start(1);
      await waitFor(
        'one replica holding all',
        () => first.sharded.held().length === CLUSTERS.length,
      );
      suite.replicas.push(
        await startReplica('late', suite.knex, suite.emulator),
      );
      await waitFor('an even split', () => evenlySplit(suite.replicas));
      expect(heldBy(suite.replicas).map(held => held.length)).toEqual([3, 3]);
    });

    it.each([
      ['stopped cleanly', true],
      ['crashed (leases left to expire)', false],
    ])(
      "moves a replica's clusters to the others when it is %s",
      async (_how, releaseLeases) => {
        const list = await suite.start(3);
        await waitFor('an even split', () => evenlySplit(list));
        const [gone, ...rest] = list;
        const moved = gone.sharded.held();
        await gone.stop({ releaseLeases });
        suite.replicas = rest;
        await waitFor('the survivors holding every cluster', () =>
          evenlySplit(rest),
        );
        expect(
          moved.every(c => rest.some(r => r.sharded.held().includes(c))),
        ).toBe(true);
      },
    );

    it('writes a change seen while its lease had lapsed, once the lease is renewed', async () => {
      // Renewal every 2 s: the lapse below lasts until the next round renews the lease nobody took.
      const owner = await startReplica('owner', suite.knex, suite.emulator, {
        leaseDurationMs: 6_000,
      });
      suite.replicas.push(owner);
      await waitFor('all clusters held', () => evenlySplit([owner]));
      const cluster = owner.sharded.held()[0];
      await waitFor(
        'the object served',
        async () => (await healthOf(owner, cluster)) === 'Healthy',
      );
      await suite
        .knex('gitops_cluster_leases')
        .where({ cluster })
        .update({ expires_at: suite.knex.raw("now() - interval '1 second'") });
      suite.setShopHealth(cluster, 'Degraded');
      await waitFor(
        'the change written after renewal',
        async () => (await healthOf(owner, cluster)) === 'Degraded',
      );
      expect(owner.sharded.held()).toContain(cluster);
    });
  },
);
