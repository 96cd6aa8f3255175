/**
 * What GitopsClient checks responses against and builds queries with, in a chunk of its own: GitopsClient imports
 * it lazily (see there).
 */
export {
  clustersResponseSchema,
  deliveriesResponseSchema,
  deliveryMetricsResponseSchema,
  entityPreviewsResponseSchema,
  entityStatusResponseSchema,
  entityTabResponseSchema,
  goldenPathOptionsResponseSchema,
  historyResponseSchema,
  liveDiffResponseSchema,
  overviewQueryToSearchParams,
  overviewResponseSchema,
  pipelineResponseSchema,
  pullRequestPreviewResponseSchema,
  pullRequestResponseSchema,
  registrationPointsResponseSchema,
  teamStatusResponseSchema,
  xrdsResponseSchema,
} from '@gitops-portal/plugin-gitops-common';
