import {
  ClusterState,
  HistoryEntry,
  ObjectStatus,
  OverviewQuery,
  TeamStatusResponse,
  Xrd,
} from '@gitops-portal/plugin-gitops-common';

/**
 * Answers every status read of the REST API: objects with their stale marks, TeamViews, overview filters, cluster
 * states, XRDs and history. Two implementations: `createLocalStatusStore` (one replica, from its ObjectCache) and
 * `createSharedStatusStore` (sharded replicas, from PostgreSQL). Entity and team lookups come from the replica's own
 * catalog index and are synchronous in both.
 */
export interface StatusStore {
  /** The entity's objects (stale ones marked), worst first, and the states of their clusters. */
  entityObjects(entityRef: string): Promise<{
    objects: ObjectStatus[];
    clusters: ClusterState[];
  }>;
  /** Entities of a team (as the catalog says), for permission filtering. */
  teamEntities(team: string): string[];
  hasTeam(team: string): boolean;
  knowsEntity(entityRef: string): boolean;
  /** The team's TeamView: a row per entity (worst first) and counts over `entityRefs`. */
  teamView(team: string, entityRefs: string[]): Promise<TeamStatusResponse>;
  /** Every object that passes the query's filters, worst first (not paged). */
  overviewObjects(query: OverviewQuery): Promise<ObjectStatus[]>;
  history(
    entityRef: string,
    options: { since?: string; limit: number },
  ): Promise<HistoryEntry[]>;
  clusters(): Promise<ClusterState[]>;
  xrds(): Promise<Xrd[]>;
}
