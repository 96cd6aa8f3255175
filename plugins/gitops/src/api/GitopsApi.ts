import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClustersResponse,
  DeliveriesResponse,
  EntityPreviewsResponse,
  EntityStatusResponse,
  EntityTabResponse,
  GoldenPathOptionsResponse,
  HistoryResponse,
  LiveDiffResponse,
  OverviewQuery,
  OverviewResponse,
  PipelineResponse,
  PromotionRequest,
  PullRequestPreviewResponse,
  PullRequestResponse,
  RegistrationPointsResponse,
  RollbackRequest,
  TeamStatusResponse,
  XrdsResponse,
  DeliveryMetricsQuery,
  DeliveryMetricsResponse,
} from '@gitops-portal/plugin-gitops-common';

/** Whose delivery metrics: one entity, or a team (a Group). */
export type DeliveryMetricsSubject =
  | { entity: CompoundEntityRef }
  | { team: CompoundEntityRef };

/** The query of delivery metrics, without the format (JSON or CSV is the method). */
export type DeliveryMetricsRequest = Partial<
  Omit<DeliveryMetricsQuery, 'format'>
>;

/**
 * The GitOps portal backend (`@gitops-portal/plugin-gitops-backend`): status reads, and promotions that open pull
 * requests to the config repo (the portal never writes to a cluster).
 *
 * @public
 */
export interface GitopsApi {
  /** Every GitOps object of one catalog entity, with the states of their clusters. */
  getEntityStatus(entity: CompoundEntityRef): Promise<EntityStatusResponse>;
  /**
   * What the entity's GitOps tab shows first, in one request: its status and its promotion pipeline (each as
   * `getEntityStatus` and `getPipeline` answer it).
   */
  getEntityTab(entity: CompoundEntityRef): Promise<EntityTabResponse>;
  /** The entity's live preview environments, one per open pull request of its repository, newest PR first. */
  getEntityPreviews(entity: CompoundEntityRef): Promise<EntityPreviewsResponse>;
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
  /** Delivery metrics (DORA) of an entity, or of a team's entities the caller may read. */
  getDeliveryMetrics(
    subject: DeliveryMetricsSubject,
    query?: DeliveryMetricsRequest,
  ): Promise<DeliveryMetricsResponse>;
  /** The same series as CSV text, for download. */
  getDeliveryMetricsCsv(
    subject: DeliveryMetricsSubject,
    query?: DeliveryMetricsRequest,
  ): Promise<string>;
  /** The entity's promotion pipeline: environments in delivery order, what runs in each, what differs between them. */
  getPipeline(entity: CompoundEntityRef): Promise<PipelineResponse>;
  /**
   * Per resource of one of the entity's Argo CD Applications or Flux Kustomizations (`key`: its ObjectStatus key),
   * the desired manifest rendered from the config repo at the synced revision against the live object.
   */
  getLiveDiff(
    entity: CompoundEntityRef,
    key: string,
  ): Promise<LiveDiffResponse>;
  /** Crossplane CompositeResourceDefinitions. */
  getXrds(): Promise<XrdsResponse>;
  /** What the golden paths' forms offer (config repos, environments, clusters), from the backend's config. */
  getGoldenPathOptions(): Promise<GoldenPathOptionsResponse>;
  /** The config repo's app-of-apps folders and ApplicationSets, where a new service can be registered. */
  getRegistrationPoints(): Promise<RegistrationPointsResponse>;
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
  /**
   * Asks the backend to send `token` back to the signed-in user's browsers on the status channel, with its last
   * broadcast number: how the views learn that their live updates are live and whether they missed one.
   */
  requestSignalEcho(token: string): Promise<void>;
}

/**
 * The API reference of {@link GitopsApi}.
 *
 * @public
 */
export const gitopsApiRef = createApiRef<GitopsApi>({
  id: 'plugin.gitops.service',
});
