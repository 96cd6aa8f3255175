import {
  DELIVERY_METRIC_DEFINITIONS,
  DeliveryMetricsBucket,
  DeliveryMetricsResponse,
  DeliveryMetricsValues,
  DeliveryMetricsWindow,
} from '@gitops-portal/plugin-gitops-common';
import { Deployment, Incident, LeadTimeSample } from './events';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The median of a list of durations in ms, in whole seconds; null for none. */
function medianSeconds(durations: number[]): number | null {
  if (durations.length === 0) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(median / 1000);
}

/**
 * The buckets of a window ending at `to`: whole UTC days, the first starting `days - 1` days before the day of `to`
 * (so a 30-day window has 30 daily buckets, today's partial); weeks are 7 of those days, the last one shorter.
 */
function bucketStarts(
  to: number,
  days: number,
  bucket: DeliveryMetricsBucket,
): number[] {
  const today = Math.floor(to / DAY_MS) * DAY_MS;
  const from = today - (days - 1) * DAY_MS;
  const step = bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const starts: number[] = [];
  for (let start = from; start <= today; start += step) starts.push(start);
  return starts;
}

function values(
  deployments: Deployment[],
  leadTimes: LeadTimeSample[],
  incidents: Incident[],
): DeliveryMetricsValues {
  const failed = deployments.filter(deployment => deployment.failed).length;
  const restored = incidents.filter(incident => incident.end !== undefined);
  return {
    deployments: deployments.length,
    failedDeployments: failed,
    changeFailureRate: deployments.length ? failed / deployments.length : null,
    leadTimeSamples: leadTimes.length,
    leadTimeMedianSeconds: medianSeconds(
      leadTimes.map(sample => sample.healthyAt - sample.mergedAt),
    ),
    incidents: incidents.length,
    restoredIncidents: restored.length,
    timeToRestoreMedianSeconds: medianSeconds(
      restored.map(incident => incident.end! - incident.start),
    ),
  };
}

export interface DeliveryMetricsInput {
  subject: DeliveryMetricsResponse['subject'];
  entityRefs: string[];
  deployments: Deployment[];
  incidents: Incident[];
  leadTimes: LeadTimeSample[];
  now: Date;
  days: DeliveryMetricsWindow;
  bucket?: DeliveryMetricsBucket;
  environment?: string;
  failureWindowMs: number;
}

/**
 * The four keys over the window and per bucket. Each event counts in the bucket of its time: a deployment when it
 * was Synced, a lead time when the environment was Healthy, an incident when it started (restored or not).
 */
export function computeDeliveryMetrics(
  input: DeliveryMetricsInput,
): DeliveryMetricsResponse {
  const { now, days, environment } = input;
  const bucket = input.bucket ?? (days === 30 ? 'day' : 'week');
  const to = now.getTime();
  const starts = bucketStarts(to, days, bucket);
  const from = starts[0];
  const inEnvironment = (event: { environment: string }) =>
    !environment || event.environment === environment;
  const inRange = (at: number, start: number, end: number) =>
    at >= start && at < end;
  const deployments = input.deployments.filter(inEnvironment);
  const leadTimes = input.leadTimes.filter(inEnvironment);
  const incidents = input.incidents.filter(inEnvironment);
  const slice = (start: number, end: number) =>
    values(
      deployments.filter(d => inRange(d.at, start, end)),
      leadTimes.filter(l => inRange(l.healthyAt, start, end)),
      incidents.filter(i => inRange(i.start, start, end)),
    );
  const summary = slice(from, to + 1);
  return {
    subject: input.subject,
    entityRefs: input.entityRefs,
    ...(environment ? { environment } : {}),
    window: {
      days,
      bucket,
      from: new Date(from).toISOString(),
      to: now.toISOString(),
    },
    failureWindowSeconds: Math.round(input.failureWindowMs / 1000),
    summary: {
      ...summary,
      deploymentsPerDay: summary.deployments / days,
      openIncidents: incidents.filter(
        i => i.end === undefined && inRange(i.start, from, to + 1),
      ).length,
    },
    series: starts.map((start, i) => ({
      start: new Date(start).toISOString(),
      ...slice(start, starts[i + 1] ?? to + 1),
    })),
    definitions: { ...DELIVERY_METRIC_DEFINITIONS },
  };
}
