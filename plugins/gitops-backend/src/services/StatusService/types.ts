import {
  ClusterState,
  HistoryEntry,
  ObjectStatus,
  OverviewQuery,
  TeamStatusResponse,
  Xrd,
} from '@gitops-portal/plugin-gitops-common';

/** Read model behind the REST API: cache + entity index + cluster states + history. */
export interface StatusService {
  /** The entity's objects (stale ones marked) and the states of their clusters. */
  entityObjects(entityRef: string): {
    objects: ObjectStatus[];
    clusters: ClusterState[];
  };
  /** Entities of a team (as the catalog says), for permission filtering. */
  teamEntities(team: string): string[];
  hasTeam(team: string): boolean;
  knowsEntity(entityRef: string): boolean;
  teamStatus(team: string, entityRefs: string[]): TeamStatusResponse;
  /** Every object that passes the query's filters, worst first (not paged). */
  overviewObjects(query: OverviewQuery): ObjectStatus[];
  history(
    entityRef: string,
    options: { since?: string; limit: number },
  ): Promise<HistoryEntry[]>;
  clusters(): ClusterState[];
  xrds(): Xrd[];
}

/**
 * The same read model with the store-backed reads asynchronous: the router's interface, served from the in-memory
 * cache on one replica (`statusReaderOf`) and from PostgreSQL when sharding is enabled.
 */
export interface StatusReader {
  entityObjects(entityRef: string): Promise<{
    objects: ObjectStatus[];
    clusters: ClusterState[];
  }>;
  teamEntities(team: string): string[];
  hasTeam(team: string): boolean;
  knowsEntity(entityRef: string): boolean;
  teamStatus(team: string, entityRefs: string[]): Promise<TeamStatusResponse>;
  overviewObjects(query: OverviewQuery): Promise<ObjectStatus[]>;
  history(
    entityRef: string,
    options: { since?: string; limit: number },
  ): Promise<HistoryEntry[]>;
  clusters(): Promise<ClusterState[]>;
  xrds(): Promise<Xrd[]>;
}
