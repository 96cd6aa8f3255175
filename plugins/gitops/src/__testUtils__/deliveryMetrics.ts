import {
  DELIVERY_METRIC_DEFINITIONS,
  type DeliveryMetricsResponse,
  type DeliveryMetricsValues,
} from '@gitops-portal/plugin-gitops-common';

const NONE: DeliveryMetricsValues = {
  deployments: 0,
  failedDeployments: 0,
  changeFailureRate: null,
  leadTimeSamples: 0,
  leadTimeMedianSeconds: null,
  incidents: 0,
  restoredIncidents: 0,
  timeToRestoreMedianSeconds: null,
};

/** A delivery-metrics body: two daily buckets of `series` (default empty) and their sum as the summary. */
export function deliveryMetrics(
  subject: DeliveryMetricsResponse['subject'],
  series: Array<Partial<DeliveryMetricsValues>> = [{}, {}],
  summary: Partial<DeliveryMetricsResponse['summary']> = {},
): DeliveryMetricsResponse {
  return {
    subject,
    entityRefs: subject.kind === 'entity' ? [subject.ref] : [],
    window: {
      days: 30,
      bucket: 'day',
      from: '2026-11-08T00:00:00.000Z',
      to: '2026-12-07T12:00:00.000Z',
    },
    failureWindowSeconds: 86400,
    summary: { ...NONE, deploymentsPerDay: 0, openIncidents: 0, ...summary },
    series: series.map((values, i) => ({
      ...NONE,
      ...values,
      start: new Date(Date.UTC(2026, 11, 6 + i)).toISOString(),
    })),
    definitions: { ...DELIVERY_METRIC_DEFINITIONS },
  };
}
