import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClustersResponse,
  DeliveriesResponse,
  EntityStatusResponse,
  GoldenPathOptionsResponse,
  HistoryResponse,
  OverviewQuery,
  OverviewResponse,
  PromotionRequest,
  PullRequestPreviewResponse,
  PullRequestResponse,
  RollbackRequest,
  TeamStatusResponse,
  XrdsResponse,
} from '@gitops-portal/plugin-gitops-common';

/**
 * The GitOps portal backend (`@gitops-portal/plugin-gitops-backend`): status reads, and promotions that open pull
 * requests to the config repo (the portal never writes to a cluster).
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
  /** Pull requests the portal opened for the entity's service, each with its path to running per environment. */
  getDeliveries(
    entity: CompoundEntityRef,
    options?: { limit?: number },
  ): Promise<DeliveriesResponse>;
  /** Crossplane CompositeResourceDefinitions. */
  getXrds(): Promise<XrdsResponse>;
  /** What the golden paths' forms offer (config repos, environments, clusters), from the backend's config. */
  getGoldenPathOptions(): Promise<GoldenPathOptionsResponse>;
  /** Opens (or updates) a pull request copying the image from one environment's overlay to another's. */
  promote(
    entity: CompoundEntityRef,
    request: PromotionRequest,
  ): Promise<PullRequestResponse>;
  /** The change `promote` would propose, as file diffs, after the same checks and validation; writes nothing. */
  previewPromotion(
    entity: CompoundEntityRef,
    request: PromotionRequest,
  ): Promise<PullRequestPreviewResponse>;
  /**
   * Opens (or updates) a pull request reverting the last change to one environment's overlay, or with `toRevision`
   * restoring it to its content at that config-repo commit.
   */
  rollback(
    entity: CompoundEntityRef,
    request: RollbackRequest,
  ): Promise<PullRequestResponse>;
  /** The change `rollback` would propose, as file diffs, after the same checks and validation; writes nothing. */
  previewRollback(
    entity: CompoundEntityRef,
    request: RollbackRequest,
  ): Promise<PullRequestPreviewResponse>;
}

/**
 * The API reference of {@link GitopsApi}.
 *
 * @public
 */
export const gitopsApiRef = createApiRef<GitopsApi>({
  id: 'plugin.gitops.service',
});
