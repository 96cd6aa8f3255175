import { ClusterState, Xrd } from '@gitops-portal/plugin-gitops-common';
import { CacheChange } from '../../services/ObjectCache';

/** One held cluster's connection state and XRDs, as its owner reports them. */
export interface ClusterReport {
  state: ClusterState;
  xrds: Xrd[];
}

/**
 * Writes the objects of the clusters this replica owns into PostgreSQL, batched. Every write is fenced by the
 * lease: rows of a cluster whose lease this replica no longer holds are never written.
 */
export interface SharedStatusWriter {
  /** Cache changes (any cluster; only held clusters are written). */
  changes(changes: CacheChange[]): void;
  /** A kind was relisted: its rows whose keys are not in `keys` are deleted. */
  replaced(kindId: string, keys: string[]): void;
  /** Start writing a cluster (its lease was acquired). */
  hold(cluster: string): void;
  /** Stop writing a cluster at once; pending writes for it are dropped. */
  drop(cluster: string): void;
  /** Upserts held clusters' states (and their heartbeat). */
  reportClusters(reports: ClusterReport[]): Promise<void>;
  /** Deletes tombstones of objects deleted long enough ago that every replica has signalled them. */
  pruneTombstones(): Promise<void>;
  /** Writes what is pending now. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Cluster leases and replica heartbeats in PostgreSQL (tables from migrations/20261124120000_sharding.js). */
export interface LeaseStore {
  /** Creates a free lease row for each configured cluster that has none. */
  register(clusters: string[]): Promise<void>;
  /** Announces the replica alive for `ttlMs`; returns how many replicas are alive (itself included). */
  heartbeat(replica: string, ttlMs: number): Promise<number>;
  /** Extends the replica's leases on `clusters` (also expired ones no one took); returns those it still holds. */
  renew(replica: string, clusters: string[], ttlMs: number): Promise<string[]>;
  /** Takes up to `max` free or expired leases among `clusters`; returns the clusters taken. */
  acquire(
    replica: string,
    clusters: string[],
    max: number,
    ttlMs: number,
  ): Promise<string[]>;
  /** Gives leases up at once, so another replica can take them on its next tick. */
  release(replica: string, clusters: string[]): Promise<void>;
  /** Releases every lease of the replica and removes its heartbeat (clean shutdown). */
  leave(replica: string): Promise<void>;
  /** Current holder of each unexpired lease (for tests and the bench). */
  holders(): Promise<Map<string, string>>;
}

/** Takes and keeps a fair share of the clusters' leases; tells its owner which clusters to watch. */
export interface ShardCoordinator {
  readonly replicaId: string;
  start(): void;
  /**
   * Stops ticking and watching every held cluster, and releases the leases (unless `releaseLeases` is false: then
   * they expire as a crashed replica's would).
   */
  stop(options?: { releaseLeases?: boolean }): Promise<void>;
  /** One renew/release/acquire round (runs every leaseDuration / 3). */
  tick(): Promise<void>;
  /** Clusters this replica watches now. */
  held(): string[];
}

export interface ShardCoordinatorOptions {
  store: LeaseStore;
  replicaId: string;
  clusters: string[];
  leaseDurationMs: number;
  /** Start watching a cluster this replica now owns. */
  onAcquire(cluster: string): Promise<void>;
  /** Stop watching (and writing) a cluster this replica no longer owns. */
  onRelease(cluster: string): Promise<void>;
  logger: { info(m: string): void; warn(m: string): void };
}
