import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { KubeEmulator } from '@internal/kube-emulator';
import { Knex } from 'knex';
import { application, startClusters } from '../../../__testUtils__/clusters';
import { DATABASE_IDS } from '../../../__testUtils__/databases';
import {
  ID,
  ReplicaOptions,
  SHOP,
  startReplica,
  TestReplica,
} from './replicaHarness';

/** Sharding runs on PostgreSQL only; SQLite is only checked to be refused. */
export const SHARDING_DATABASE_IDS = DATABASE_IDS;

/** The databases a sharding test file runs on (call at the top of the file: it registers jest hooks). */
export const shardingDatabases = () =>
  TestDatabases.create({ ids: SHARDING_DATABASE_IDS, disableDocker: true });

export const CLUSTERS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

export interface ShardingSuite {
  knex: Knex;
  /** One emulated cluster per CLUSTERS entry, each with the Application `shop-<cluster>` of entity shop. */
  emulator: KubeEmulator;
  /** Replicas stopped (leases released) after each test. */
  replicas: TestReplica[];
  /** Starts `count` replicas named replica-<i>. */
  start(count: number, options?: ReplicaOptions): Promise<TestReplica[]>;
  /** Stops a replica as a crash would (its leases expire, nothing is released) and forgets it. */
  crash(replica: TestReplica): Promise<void>;
  /** Applies shop's Application in a cluster with another health. */
  setShopHealth(cluster: string, health: string): void;
}

/** Shop's Application in a cluster (one per cluster, mapped to the `shop` entity). */
const shopApplication = (cluster: string, status: { health?: string } = {}) =>
  application(`shop-${cluster}`, status, { [ID]: 'shop' });

/** The object key of shop's Application in a cluster. */
export const shopKey = (cluster: string) =>
  `${cluster}/argoproj.io/Application/argocd/shop-${cluster}`;

/** A fresh database and emulator per test; call inside a describe. */
export function useShardingSuite(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): ShardingSuite {
  const suite = {
    replicas: [],
    async start(count: number, options?: ReplicaOptions) {
      for (let i = 0; i < count; i++) {
        suite.replicas.push(
          await startReplica(
            `replica-${i}`,
            suite.knex,
            suite.emulator,
            options,
          ),
        );
      }
      return suite.replicas;
    },
    async crash(replica: TestReplica) {
      await replica.stop({ releaseLeases: false });
      suite.replicas = suite.replicas.filter(r => r !== replica);
    },
    setShopHealth(cluster: string, health: string) {
      suite.emulator
        .cluster(cluster)
        .apply(shopApplication(cluster, { health }));
    },
  } as unknown as ShardingSuite;

  beforeEach(async () => {
    suite.knex = await databases.init(databaseId);
    suite.emulator = await startClusters(CLUSTERS);
    for (const cluster of suite.emulator.clusters) {
      cluster.apply(shopApplication(cluster.name));
    }
    suite.replicas = [];
  });

  afterEach(async () => {
    await Promise.all(suite.replicas.map(replica => replica.stop()));
    await suite.emulator.close();
  });

  return suite;
}

export const heldBy = (list: TestReplica[]) => list.map(r => r.sharded.held());

/** Every cluster held by exactly one replica, each replica within its fair share. */
export function evenlySplit(list: TestReplica[]) {
  const held = heldBy(list);
  const all = held.flat();
  const share = Math.ceil(CLUSTERS.length / list.length);
  return (
    all.length === CLUSTERS.length &&
    new Set(all).size === CLUSTERS.length &&
    held.every(clusters => clusters.length <= share && clusters.length > 0)
  );
}

/** The health a replica serves for shop's object in a cluster (undefined: no such object). */
export async function healthOf(replica: TestReplica, cluster: string) {
  const { objects } = await replica.sharded.statusStore.entityObjects(SHOP);
  return objects.find(object => object.cluster === cluster)?.health.status;
}
