import {
  HealthStatus,
  HistoryEntry,
  HistorySource,
  SyncStatus,
} from '@gitops-portal/plugin-gitops-common';

export interface ObservedState {
  sync: SyncStatus;
  health: HealthStatus;
  revision?: string;
  /** Every source's revision of a multi-source Argo CD Application, in spec order ('' for a source without one). */
  revisions?: string[];
}

/** One change of an object's sync, health or revision, as stored. */
export interface HistoryTransition {
  key: string;
  resourceVersion: string;
  entityRefs: string[];
  cluster: string;
  environment?: string;
  kind: string;
  namespace?: string;
  name: string;
  from?: Partial<ObservedState>;
  to: ObservedState;
  /** A multi-source Application: what each of `to.revisions` belongs to, in spec order. */
  sources?: HistorySource[];
  at: Date;
}

export interface HistoryQuery {
  /** The entity, or several (a team's, in one query): each row names the first of them it belongs to. */
  entityRef: string | string[];
  /** Objects currently mapped to the entity (recorded before the mapping existed). */
  objectKeys?: string[];
  since?: Date;
  limit: number;
}

/** Status transitions in the Backstage database (SQLite or PostgreSQL). */
export interface HistoryStore {
  /** Inserts transitions; one already recorded (same key and resourceVersion) is ignored. */
  record(transitions: HistoryTransition[]): Promise<void>;
  /** The last recorded state of each object, for objects seen again after a restart. */
  lastStates(keys: string[]): Promise<Map<string, ObservedState>>;
  /** Newest first. */
  query(query: HistoryQuery): Promise<HistoryEntry[]>;
  /** Deletes transitions older than the date; returns how many. */
  prune(olderThan: Date): Promise<number>;
}
