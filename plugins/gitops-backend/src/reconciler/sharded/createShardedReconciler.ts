import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Knex } from 'knex';
import { ClusterConfig } from '../../config';
import { ClusterWatcher } from '../../services/ClusterWatcher';
import { EntityIndex } from '../../services/EntityIndex';
import { HistoryStore } from '../../services/HistoryStore';
import { ObjectCache } from '../../services/ObjectCache';
import { SignalPublisher } from '../../services/SignalPublisher';
import { Reconciler, WatcherFactory } from '../types';
import { clusterCacheView, ClusterCacheView } from './clusterCacheView';
import { ChangePoller, createChangePoller } from './createChangePoller';
import { createEntityVersions } from './createEntityVersions';
import { createLeaseStore } from './createLeaseStore';
import { createShardCoordinator } from './createShardCoordinator';
import { createSharedStatusStore } from './createSharedStatusStore';
import { createSharedStatusWriter } from './createSharedStatusWriter';
import { createHandoverCache } from './handoverCache';
import { refKey } from './tables';

const TOMBSTONE_PRUNE_INTERVAL_MS = 60_000;

export interface ShardedReconcilerOptions {
  knex: Knex;
  clusters: ClusterConfig[];
  /**
   * This replica's cache (holds only the clusters it owns). Subscribe through the reconciler's `cache`: it hands
   * clusters over without its listeners hearing deletions.
   */
  cache: ObjectCache;
  /** Builds a watcher of one cluster feeding the given cache (the plugin's usual options). */
  createWatcher: WatcherFactory;
  entityIndex: EntityIndex;
  history: HistoryStore;
  /** Hears this replica's changes once written to the shared table (and, with `pollSignals`, other replicas'). */
  publisher: Pick<SignalPublisher, 'changed'>;
  logger: LoggerService;
  leaseDurationMs: number;
  staleAfterMs: number;
  /** How often cluster states are reported and other replicas' changes polled. Default 1 s. */
  pollIntervalMs?: number;
  /**
   * Signal other replicas' changes to this replica's browsers by polling the shared table. Not needed when the
   * backend runs Backstage's events bus (events-backend on PostgreSQL): the owner's signals reach every replica.
   */
  pollSignals?: boolean;
  /**
   * Keep each entity's TeamView row in this replica's memory, recomputed from PostgreSQL when the entity's objects
   * change (team status without a query of every object; ~2 KB per entity). Default true; false reads every team
   * request's objects from PostgreSQL.
   */
  teamView?: boolean;
  replicaId?: string;
}

/**
 * A Reconciler whose `statusStore` serves every replica's full picture from PostgreSQL (TeamViews from rows in
 * memory kept current from it), and whose `watchers()` and `owns()` are the clusters whose lease it holds now.
 */
export interface ShardedReconciler extends Reconciler {
  readonly replicaId: string;
  /** Clusters this replica watches now. */
  held(): string[];
  /** Writes pending status rows and cluster states now (tests, bench). */
  flush(): Promise<void>;
  /**
   * Stops watching. `releaseLeases: false` leaves the leases to expire, as a crashed replica would (tests).
   */
  stop(options?: { releaseLeases?: boolean }): Promise<void>;
}

/** Sharding needs PostgreSQL: leases use its clock, row locks and SKIP LOCKED. */
export function assertShardingDatabase(knex: Knex) {
  const client = String(knex.client.config.client);
  if (client !== 'pg') {
    throw new Error(
      `gitops.sharding.enabled needs PostgreSQL (backend.database.client 'pg'), not '${client}'; ` +
        'disable sharding to run a single replica on this database',
    );
  }
}

/**
 * One replica of a sharded reconciler: watches the clusters whose leases it holds, writes their status to the
 * shared tables, and serves everyone's status from them.
 */
export function createShardedReconciler(
  options: ShardedReconcilerOptions,
): ShardedReconciler {
  const { knex, logger } = options;
  assertShardingDatabase(knex);
  // Sharded replicas hand clusters over without their listeners hearing deletions.
  const cache = createHandoverCache(options.cache);
  const replicaId =
    options.replicaId ??
    `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const configs = new Map(options.clusters.map(c => [c.name, c]));
  const writer = createSharedStatusWriter({
    knex,
    replicaId,
    logger,
    lookup: key => cache.get(key),
    // Views read the table: this replica's changes are signalled once they are in it.
    written: change => options.publisher.changed(change),
  });
  const running = new Map<
    string,
    { watcher: ClusterWatcher; view: ClusterCacheView }
  >();
  const versions =
    options.teamView === false
      ? undefined
      : createEntityVersions({ knex, logger });
  const unsubscribe = cache.subscribe(changes => {
    writer.changes(changes);
    // TeamView rows of entities whose objects changed in this replica's cache are recomputed.
    versions?.bump(
      changes.flatMap(change =>
        [
          ...(change.previous?.entityRefs ?? []),
          ...(change.current?.entityRefs ?? []),
        ].map(refKey),
      ),
    );
  });

  const coordinator = createShardCoordinator({
    store: createLeaseStore(knex),
    replicaId,
    clusters: [...configs.keys()],
    leaseDurationMs: options.leaseDurationMs,
    logger,
    async onAcquire(name) {
      writer.hold(name);
      const view = clusterCacheView(cache, writer.replaced);
      const watcher = options.createWatcher(configs.get(name)!, view.cache);
      running.set(name, { watcher, view });
      // The first lists replace every kind, so rows the previous owner left for vanished objects are swept.
      watcher.start();
    },
    async onRelease(name) {
      writer.drop(name);
      const entry = running.get(name);
      running.delete(name);
      await entry?.watcher.stop();
      // Another replica owns these objects now: gone from this replica's memory, not deleted.
      if (entry) cache.quietly(() => entry.view.purge());
    },
  });

  let prunedAt = Date.now();
  async function reportClusters() {
    if (Date.now() - prunedAt > TOMBSTONE_PRUNE_INTERVAL_MS) {
      prunedAt = Date.now();
      await writer.pruneTombstones();
    }
    await writer.reportClusters(
      [...running.values()].map(({ watcher }) => ({
        state: watcher.state(),
        xrds: watcher.xrds(),
      })),
    );
  }

  let reportTimer: NodeJS.Timeout | undefined;
  let poller: ChangePoller | undefined;
  function reportLoop() {
    reportTimer = setTimeout(() => {
      reportClusters()
        .catch(error =>
          logger.warn(`gitops: reporting cluster states failed: ${error}`),
        )
        .finally(() => {
          if (reportTimer) reportLoop();
        });
    }, pollIntervalMs);
  }

  return {
    replicaId,
    cache,
    statusStore: createSharedStatusStore({
      knex,
      entityIndex: options.entityIndex,
      history: options.history,
      clusters: options.clusters,
      staleAfterMs: options.staleAfterMs,
      teamView: versions && {
        versions,
        local: {
          held: () => coordinator.held(),
          byEntity: ref => cache.byEntity(ref),
        },
      },
    }),
    watchers: () => [...running.values()].map(entry => entry.watcher),
    start() {
      coordinator.start();
      reportLoop();
      versions?.start(pollIntervalMs);
      if (!options.pollSignals) return;
      poller = createChangePoller({
        knex,
        replicaId,
        publisher: options.publisher,
        logger,
        intervalMs: pollIntervalMs,
        beforePublish: async () => versions?.refresh(),
      });
    },
    held: () => coordinator.held(),
    owns: cluster => coordinator.held().includes(cluster),
    async flush() {
      await writer.flush();
      await reportClusters();
    },
    async stop({ releaseLeases = true } = {}) {
      clearTimeout(reportTimer);
      reportTimer = undefined;
      await poller?.stop();
      await versions?.stop();
      // What was observed before shutdown is written while the leases are still held.
      if (releaseLeases) await writer.flush();
      await coordinator.stop({ releaseLeases });
      unsubscribe();
      await writer.stop();
    },
  };
}
