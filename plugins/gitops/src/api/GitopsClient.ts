import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  clustersResponseSchema,
  deliveriesResponseSchema,
  entityStatusResponseSchema,
  goldenPathOptionsResponseSchema,
  historyResponseSchema,
  overviewQueryToSearchParams,
  overviewResponseSchema,
  pullRequestPreviewResponseSchema,
  pullRequestResponseSchema,
  teamStatusResponseSchema,
  xrdsResponseSchema,
  type OverviewQuery,
  type PromotionRequest,
  type RollbackRequest,
} from '@gitops-portal/plugin-gitops-common';
import type { GitopsApi } from './GitopsApi';

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
