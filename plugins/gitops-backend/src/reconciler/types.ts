import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { ClusterSource } from '../clusters';
import { ClusterConfig, GitopsConfig } from '../config';
import { ClusterWatcher } from '../services/ClusterWatcher';
import { EntityIndex } from '../services/EntityIndex';
import { HistoryStore } from '../services/HistoryStore';
import { ObjectCache } from '../services/ObjectCache';
import { SignalPublisher } from '../services/SignalPublisher';
import { StatusStore } from '../services/StatusStore';

/**
 * Keeps the status of the configured clusters and answers reads of it. `createLocalReconciler`: one replica watches
 * every cluster and serves from memory. `createShardedReconciler` (`gitops.sharding.enabled`, PostgreSQL): each
 * replica watches the clusters whose lease it holds and serves everyone's from shared tables.
 */
export interface Reconciler {
  /** Answers every status read of the REST API. */
  readonly statusStore: StatusStore;
  /**
   * The ObjectCache of the clusters this replica watches, to read and subscribe to (history, alerts, metrics). A
   * sharded replica handing a cluster over is not heard as deletions through it.
   */
  readonly cache: ObjectCache;
  /** Starts watching in the background; never waits for a cluster. */
  start(): void;
  stop(): Promise<void>;
  /** The watchers of the clusters this replica watches now (stale-cluster alerts, metrics). */
  watchers(): ClusterWatcher[];
  /** Whether this replica watches the cluster now: only the owner alerts for a cluster. */
  owns(cluster: string): boolean;
}

/** Builds the watcher of one cluster feeding the given cache. */
export type WatcherFactory = (
  cluster: ClusterConfig,
  cache: ObjectCache,
) => ClusterWatcher;

/** What both reconcilers are built from (`createReconciler`). */
export interface ReconcilerOptions {
  config: GitopsConfig;
  /** The clusters to watch (the set may change at run time when the catalog is a source). */
  clusterSource: ClusterSource;
  /** Every object this replica watches; the EntityIndex maps it. */
  cache: ObjectCache;
  entityIndex: EntityIndex;
  history: HistoryStore;
  publisher: Pick<SignalPublisher, 'changed'>;
  logger: LoggerService;
  /** The plugin's database: the sharded reconciler's leases and shared tables (PostgreSQL only). */
  database: Pick<DatabaseService, 'getClient'>;
}
