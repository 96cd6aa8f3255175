import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  OverviewQuery,
  PromotionRequest,
  RollbackRequest,
} from '@gitops-portal/plugin-gitops-common';
import { GITOPS_SIGNAL_POSITION_HEADER } from '@gitops-portal/plugin-gitops-common';
import { recordSignalPosition } from '../signals/signalPositions';
import type {
  DeliveryMetricsRequest,
  DeliveryMetricsSubject,
  GitopsApi,
} from './GitopsApi';

/**
 * The response schemas and query helpers, loaded with the first request (in parallel with it): the client is
 * created with the app, so anything it imports statically is downloaded and evaluated by every page before its
 * first paint, and the shared schemas are dozens of zod schemas built when their module loads.
 */
type Contract = typeof import('./contract');
const loadContract = () => import('./contract');

/** What the client needs of a zod response schema (zod is not a direct dependency). */
interface ResponseSchema<T> {
  parse(input: unknown): T;
}

/** Picks a response schema out of the lazily loaded contract. */
type SchemaOf<T> = (contract: Contract) => ResponseSchema<T>;

/** A 202 whose body says nothing. */
const accepted: SchemaOf<void> = () => ({ parse: () => undefined });

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
      c => c.entityStatusResponseSchema,
    );
  }

  getEntityTab(entity: CompoundEntityRef) {
    return this.request(
      entityPath(entity, 'tab'),
      c => c.entityTabResponseSchema,
    );
  }

  getEntityPreviews(entity: CompoundEntityRef) {
    return this.request(
      entityPath(entity, 'previews'),
      c => c.entityPreviewsResponseSchema,
    );
  }

  getEntityHistory(entity: CompoundEntityRef) {
    return this.request(
      entityPath(entity, 'history'),
      c => c.historyResponseSchema,
    );
  }

  getTeamStatus(team: CompoundEntityRef) {
    return this.request(
      pathOf('teams', team.namespace, team.name, 'status'),
      c => c.teamStatusResponseSchema,
    );
  }

  async getOverview(query: Partial<OverviewQuery>) {
    const { overviewQueryToSearchParams } = await loadContract();
    const params = overviewQueryToSearchParams(query).toString();
    return this.request(
      `/overview${params ? `?${params}` : ''}`,
      c => c.overviewResponseSchema,
    );
  }

  getDeliveries(entity: CompoundEntityRef, options: { limit?: number } = {}) {
    const query = options.limit ? `?limit=${options.limit}` : '';
    return this.request(
      `${entityPath(entity, 'deliveries')}${query}`,
      c => c.deliveriesResponseSchema,
    );
  }

  getPipeline(entity: CompoundEntityRef) {
    return this.request(
      entityPath(entity, 'pipeline'),
      c => c.pipelineResponseSchema,
    );
  }

  getDeliveryMetrics(
    subject: DeliveryMetricsSubject,
    query: DeliveryMetricsRequest = {},
  ) {
    return this.request(
      deliveryMetricsPath(subject, query),
      c => c.deliveryMetricsResponseSchema,
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
      c => c.liveDiffResponseSchema,
    );
  }

  getClusters() {
    return this.request('/clusters', c => c.clustersResponseSchema);
  }

  getXrds() {
    return this.request('/xrds', c => c.xrdsResponseSchema);
  }

  getGoldenPathOptions() {
    return this.request(
      '/golden-path-options',
      c => c.goldenPathOptionsResponseSchema,
    );
  }

  getRegistrationPoints() {
    return this.request(
      '/registration-points',
      c => c.registrationPointsResponseSchema,
    );
  }

  promote(entity: CompoundEntityRef, request: PromotionRequest) {
    return this.post(
      entityPath(entity, 'promotions'),
      request,
      c => c.pullRequestResponseSchema,
    );
  }

  previewPromotion(entity: CompoundEntityRef, request: PromotionRequest) {
    return this.post(
      `${entityPath(entity, 'promotions')}?dryRun=true`,
      request,
      c => c.pullRequestPreviewResponseSchema,
    );
  }

  rollback(entity: CompoundEntityRef, request: RollbackRequest) {
    return this.post(
      entityPath(entity, 'rollbacks'),
      request,
      c => c.pullRequestResponseSchema,
    );
  }

  previewRollback(entity: CompoundEntityRef, request: RollbackRequest) {
    return this.post(
      `${entityPath(entity, 'rollbacks')}?dryRun=true`,
      request,
      c => c.pullRequestPreviewResponseSchema,
    );
  }

  requestSignalEcho(token: string) {
    return this.post('/signals/echo', { token }, accepted);
  }

  private post<T>(path: string, body: object, schema: SchemaOf<T>) {
    return this.request(path, schema, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(
    path: string,
    schema: SchemaOf<T>,
    init?: RequestInit,
  ): Promise<T> {
    // The contract loads while the request is in flight.
    const contract = loadContract();
    const baseUrl = await this.discoveryApi.getBaseUrl('gitops');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = await response.json();
    const answer = schema(await contract).parse(body);
    recordSignalPosition(
      answer,
      response.headers.get(GITOPS_SIGNAL_POSITION_HEADER),
    );
    return answer;
  }
}
