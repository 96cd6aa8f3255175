import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClustersResponse,
  EntityStatusResponse,
  HistoryResponse,
  OverviewQuery,
  OverviewResponse,
  TeamStatusResponse,
  XrdsResponse,
} from '@internal/plugin-gitops-common';

/**
 * Read access to the GitOps portal backend (`@internal/plugin-gitops-backend`).
 *
 * @public
 */
export interface GitopsApi {
  /** Every GitOps object of one catalog entity, with the states of their clusters. */
  getEntityStatus(entity: CompoundEntityRef): Promise<EntityStatusResponse>;
  /** Sync, revision and health transitions of one entity, newest first. */
  getEntityHistory(entity: CompoundEntityRef): Promise<HistoryResponse>;
  /** Every service a team owns × environments, with counts. */
  getTeamStatus(team: CompoundEntityRef): Promise<TeamStatusResponse>;
  /** One page of objects matching a filter. */
  getOverview(query: Partial<OverviewQuery>): Promise<OverviewResponse>;
  /** Connection state of every configured cluster. */
  getClusters(): Promise<ClustersResponse>;
  /** Crossplane CompositeResourceDefinitions. */
  getXrds(): Promise<XrdsResponse>;
}

/**
 * The API reference of {@link GitopsApi}.
 *
 * @public
 */
export const gitopsApiRef = createApiRef<GitopsApi>({
  id: 'plugin.gitops.service',
});
