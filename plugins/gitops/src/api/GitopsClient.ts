import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  clustersResponseSchema,
  deliveriesResponseSchema,
  deliveryMetricsResponseSchema,
  entityStatusResponseSchema,
  goldenPathOptionsResponseSchema,
  historyResponseSchema,
  liveDiffResponseSchema,
  overviewQueryToSearchParams,
  overviewResponseSchema,
  pipelineResponseSchema,
  pullRequestPreviewResponseSchema,
  pullRequestResponseSchema,
  teamStatusResponseSchema,
  xrdsResponseSchema,
  type OverviewQuery,
  type PromotionRequest,
  type RollbackRequest,
} from '@gitops-portal/plugin-gitops-common';
import type {
  DeliveryMetricsRequest,
  DeliveryMetricsSubject,
  GitopsApi,
} from './GitopsApi';

/** What the client needs of a zod response schema (zod is not a direct dependency). */
interface ResponseSchema<T> {
  parse(input: unknown): T;
}

/** Builds a path from segments, each URL-encoded. */
function pathOf(...segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

function entityPath(entity: CompoundEntityRef, suffix: string): string {
  // The backend matches kinds case-insensitively; lower case keeps URLs stable.
  return pathOf(
    'entities',
    entity.kind.toLocaleLowerCase('en-US'),
    entity.namespace,
    entity.name,
    suffix,
  );
}

/** `…/delivery-metrics?window=…` of an entity or a team. */
function deliveryMetricsPath(
  subject: DeliveryMetricsSubject,
  query: DeliveryMetricsRequest & { format?: 'csv' },
): string {
  const path =
    'entity' in subject
      ? entityPath(subject.entity, 'delivery-metrics')
      : pathOf(
          'teams',
          subject.team.namespace,
          subject.team.name,
          'delivery-metrics',
        );
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The {@link GitopsApi} over HTTP: every response is validated against the
 * gitops-common zod schemas, so a backend/frontend version skew fails loudly.
 *
 * @public
 */
export class GitopsClient implements GitopsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityStatus(entity: CompoundEntityRef) {
    return this.request(
      entityPath(entity, 'status'),
      entityStatusResponseSchema,
    );
  }

  getEntityHistory(entity: CompoundEntityRef) {
    return this.request(entityPath(entity, 'history'), historyResponseSchema);
  }

  getTeamStatus(team: CompoundEntityRef) {
    return this.request(
      pathOf('teams', team.namespace, team.name, 'status'),
      teamStatusResponseSchema,
    );
  }

  getOverview(query: Partial<OverviewQuery>) {
    const params = overviewQueryToSearchParams(query).toString();
    return this.request(
      `/overview${params ? `?${params}` : ''}`,
      overviewResponseSchema,
    );
  }

  getDeliveries(entity: CompoundEntityRef, options: { limit?: number } = {}) {
    const query = options.limit ? `?limit=${options.limit}` : '';
    return this.request(
      `${entityPath(entity, 'deliveries')}${query}`,
      deliveriesResponseSchema,
    );
  }

  getPipeline(entity: CompoundEntityRef) {
    return this.request(entityPath(entity, 'pipeline'), pipelineResponseSchema);
  }

  getDeliveryMetrics(
    subject: DeliveryMetricsSubject,
    query: DeliveryMetricsRequest = {},
  ) {
    return this.request(
      deliveryMetricsPath(subject, query),
      deliveryMetricsResponseSchema,
    );
  }

  async getDeliveryMetricsCsv(
    subject: DeliveryMetricsSubject,
    query: DeliveryMetricsRequest = {},
  ) {
    const baseUrl = await this.discoveryApi.getBaseUrl('gitops');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${deliveryMetricsPath(subject, { ...query, format: 'csv' })}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }

  getLiveDiff(entity: CompoundEntityRef, key: string) {
    const query = new URLSearchParams({ key }).toString();
    return this.request(
      `${entityPath(entity, 'live-diff')}?${query}`,
      liveDiffResponseSchema,
    );
  }

  getClusters() {
    return this.request('/clusters', clustersResponseSchema);
  }

  getXrds() {
    return this.request('/xrds', xrdsResponseSchema);
  }

  getGoldenPathOptions() {
    return this.request(
      '/golden-path-options',
      goldenPathOptionsResponseSchema,
    );
  }

  promote(entity: CompoundEntityRef, request: PromotionRequest) {
    return this.post(
      entityPath(entity, 'promotions'),
      request,
      pullRequestResponseSchema,
    );
  }

  previewPromotion(entity: CompoundEntityRef, request: PromotionRequest) {
    return this.post(
      `${entityPath(entity, 'promotions')}?dryRun=true`,
      request,
      pullRequestPreviewResponseSchema,
    );
  }

  rollback(entity: CompoundEntityRef, request: RollbackRequest) {
    return this.post(
      entityPath(entity, 'rollbacks'),
      request,
      pullRequestResponseSchema,
    );
  }

  previewRollback(entity: CompoundEntityRef, request: RollbackRequest) {
    return this.post(
      `${entityPath(entity, 'rollbacks')}?dryRun=true`,
      request,
      pullRequestPreviewResponseSchema,
    );
  }

  private post<T>(path: string, body: object, schema: ResponseSchema<T>) {
    return this.request(path, schema, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(
    path: string,
    schema: ResponseSchema<T>,
    init?: RequestInit,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('gitops');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return schema.parse(await response.json());
  }
}
