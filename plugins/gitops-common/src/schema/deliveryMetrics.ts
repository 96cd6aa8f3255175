import { z } from 'zod';
import { environmentNameSchema } from './fields';
import { timestampSchema } from './vocabulary';

/*
 * Delivery metrics (the four DORA keys) of one service or one team, computed from the status history and the
 * portal's pull requests. One response shape for JSON and, flattened per bucket, for CSV.
 */

/**
 * The windows the metrics are computed over, in days.
 *
 * @public
 */
export const deliveryMetricsWindowSchema = z.union([
  z.literal(30),
  z.literal(90),
]);
/**
 * A window the delivery metrics are computed over, in days.
 *
 * @public
 */
export type DeliveryMetricsWindow = z.infer<typeof deliveryMetricsWindowSchema>;

/**
 * The width of one bucket of the series.
 *
 * @public
 */
export const deliveryMetricsBucketSchema = z.enum(['day', 'week']);
/**
 * The width of one bucket of the delivery-metrics series: a day or a week.
 *
 * @public
 */
export type DeliveryMetricsBucket = z.infer<typeof deliveryMetricsBucketSchema>;

/**
 * Query of GET delivery-metrics (entity and team).
 *
 * @public
 */
export const deliveryMetricsQuerySchema = z.object({
  /** 30 or 90 days ending now. */
  window: z.coerce.number().pipe(deliveryMetricsWindowSchema).default(30),
  /** Default: days for 30 days, weeks for 90. */
  bucket: deliveryMetricsBucketSchema.optional(),
  /** Only deployments to this environment (DORA counts production); all environments when absent. */
  environment: environmentNameSchema.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
/**
 * The GET delivery-metrics query after parsing.
 *
 * @public
 */
export type DeliveryMetricsQuery = z.output<typeof deliveryMetricsQuerySchema>;

/**
 * What each number means: served with the numbers (and shown beside them) so UI, API and CSV agree.
 *
 * @public
 */
export const DELIVERY_METRIC_DEFINITIONS = {
  deploymentFrequency:
    'Deployments per day: an Argo CD Application or Flux Kustomization/HelmRelease first Synced at a new revision.',
  leadTime:
    'Lead time for changes: from a portal pull request merged to every delivering object of an environment Synced, then Healthy, at that commit (median).',
  changeFailureRate:
    'Change failure rate: share of deployments followed, within the failure window and before the next deployment, by Degraded health, a failed sync (sync Unknown) or a rollback.',
  timeToRestore:
    'Time to restore: from a delivering object turning Degraded to Healthy again (median of restored incidents; open incidents counted apart).',
} as const;
/**
 * The name of one delivery metric (a key of `DELIVERY_METRIC_DEFINITIONS`).
 *
 * @public
 */
export type DeliveryMetricName = keyof typeof DELIVERY_METRIC_DEFINITIONS;

const seconds = z.number().nonnegative();
const count = z.number().int().nonnegative();

/**
 * The numbers of the whole window, or of one bucket.
 *
 * @public
 */
export const deliveryMetricsValuesSchema = z.object({
  deployments: count,
  /** Deployments followed by a failure (see `changeFailureRate`). */
  failedDeployments: count,
  /** failedDeployments / deployments; null without deployments. */
  changeFailureRate: z.number().min(0).max(1).nullable(),
  /** Merged pull requests delivered (synced and healthy) in an environment, each one sample. */
  leadTimeSamples: count,
  leadTimeMedianSeconds: seconds.nullable(),
  /** Incidents (Degraded) that started in the window or bucket. */
  incidents: count,
  restoredIncidents: count,
  timeToRestoreMedianSeconds: seconds.nullable(),
});
/**
 * The delivery metrics of the whole window, or of one bucket.
 *
 * @public
 */
export type DeliveryMetricsValues = z.infer<typeof deliveryMetricsValuesSchema>;

/**
 * The zod schema of one bucket of the delivery-metrics series: its start and its numbers.
 *
 * @public
 */
export const deliveryMetricsBucketValuesSchema =
  deliveryMetricsValuesSchema.extend({
    /** Start of the bucket (UTC midnight); the bucket ends where the next starts, the last at `window.to`. */
    start: timestampSchema,
  });
/**
 * One bucket of the delivery-metrics series: its start and its numbers.
 *
 * @public
 */
export type DeliveryMetricsBucketValues = z.infer<
  typeof deliveryMetricsBucketValuesSchema
>;

/**
 * GET delivery-metrics of an entity or a team.
 *
 * @public
 */
export const deliveryMetricsResponseSchema = z.object({
  /** The entity, or the team (a Group) whose readable entities are counted. */
  subject: z.object({ kind: z.enum(['entity', 'team']), ref: z.string() }),
  /** The entities counted: for a team, only those the caller may read. */
  entityRefs: z.array(z.string()),
  environment: z.string().optional(),
  window: z.object({
    days: deliveryMetricsWindowSchema,
    bucket: deliveryMetricsBucketSchema,
    from: timestampSchema,
    to: timestampSchema,
  }),
  /** A deployment followed by a failure within this long is a failed change (`gitops.metrics.failureWindow`). */
  failureWindowSeconds: seconds,
  summary: deliveryMetricsValuesSchema.extend({
    deploymentsPerDay: z.number().nonnegative(),
    /** Incidents still Degraded at `window.to`. */
    openIncidents: count,
  }),
  series: z.array(deliveryMetricsBucketValuesSchema),
  definitions: z.object({
    deploymentFrequency: z.string(),
    leadTime: z.string(),
    changeFailureRate: z.string(),
    timeToRestore: z.string(),
  }),
});
/**
 * The answer of GET delivery-metrics: the numbers of the window, their series and what each means.
 *
 * @public
 */
export type DeliveryMetricsResponse = z.infer<
  typeof deliveryMetricsResponseSchema
>;
