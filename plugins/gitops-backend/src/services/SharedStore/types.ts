import { ClusterState, Xrd } from '@gitops-portal/plugin-gitops-common';
import { CacheChange } from '../StatusCache';

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
