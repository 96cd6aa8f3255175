import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeEmulator } from '@internal/kube-emulator';
import { Knex } from 'knex';
import {
  clusterConfigEntry,
  watcherFor,
} from '../../../__testUtils__/clusters';
import { component, group } from '../../../__testUtils__/fixtures';
import { readGitopsConfig } from '../../../config';
import { createEntityIndex, EntityIndex } from '../../../services/EntityIndex';
import {
  createHistoryRecorder,
  createHistoryStore,
  HistoryStore,
} from '../../../services/HistoryStore';
import { createObjectCache, ObjectCache } from '../../../services/ObjectCache';
import { createShardedReconciler, ShardedReconciler } from '../index';
import { asDatabaseService as asService } from '../../../__testUtils__/databases';

/** Test-only: one backend replica's reconciler pieces, as plugin.ts wires them, on a shared database. */
export interface TestReplica {
  name: string;
  sharded: ShardedReconciler;
  history: HistoryStore;
  /** The replica's cache (its held clusters' objects) and catalog index, for services wired beside the reconciler. */
  cache: ObjectCache;
  entityIndex: EntityIndex;
  /** Every `gitops:status` change this replica would push to its browsers. */
  published: Array<{ entityRefs?: string[]; clusters?: string[] }>;
  stop(options?: { releaseLeases?: boolean }): Promise<void>;
}

export const ID = 'backstage.io/kubernetes-id';
export const SHOP = 'component:default/shop';
export const TEAM = 'group:default/team-a';

export interface ReplicaOptions {
  leaseDurationMs?: number;
  staleAfterMs?: number;
  /** When a held cluster's own watcher calls it stale. */
  watcherStaleAfterMs?: number;
  /** Default true (the plugin's default). */
  teamView?: boolean;
}

export async function startReplica(
  name: string,
  knex: Knex,
  emulator: KubeEmulator,
  timings: ReplicaOptions = {},
): Promise<TestReplica> {
  const logger = mockServices.logger.mock();
  const cache = createObjectCache();
  const history = await createHistoryStore(asService(knex));
  const entityIndex = createEntityIndex({
    catalog: catalogServiceMock({
      entities: [
        component('shop', 'team-a', { [ID]: 'shop' }),
        group('team-a'),
      ],
    }),
    auth: mockServices.auth(),
    logger,
    cache,
  });
  await entityIndex.refresh();
  const config = readGitopsConfig(
    new ConfigReader({
      gitops: {
        clusters: emulator.clusters.map(cluster => clusterConfigEntry(cluster)),
      },
    }),
  );
  const published: TestReplica['published'] = [];
  const sharded = createShardedReconciler({
    knex,
    clusters: config.clusters,
    cache,
    createWatcher: (cluster, target) =>
      watcherFor(
        emulator.cluster(cluster.name),
        { staleAfterMs: timings.watcherStaleAfterMs ?? 60_000 },
        target,
      ).watcher,
    entityIndex,
    history,
    publisher: { changed: change => published.push(change) },
    logger,
    leaseDurationMs: timings.leaseDurationMs ?? 1_500,
    staleAfterMs: timings.staleAfterMs ?? 60_000,
    pollIntervalMs: 100,
    pollSignals: true,
    teamView: timings.teamView,
    replicaId: name,
  });
  const recorder = createHistoryRecorder({
    cache: sharded.cache,
    store: history,
    logger,
  });
  sharded.start();
  return {
    name,
    sharded,
    history,
    cache: sharded.cache,
    entityIndex,
    published,
    async stop(options) {
      await sharded.stop(options);
      await recorder.stop();
    },
  };
}
