import type {
  DeliveryMetricName,
  DeliveryMetricsResponse,
} from '@gitops-portal/plugin-gitops-common';
import { formatDuration } from '../shared';

/** One headline number: its name, its value as text, and what it counts over the window. */
export interface MetricTileModel {
  metric: DeliveryMetricName;
  label: string;
  value: string;
  detail: string;
}

const percent = (rate: number | null) =>
  rate === null ? 'n/a' : `${Math.round(rate * 100)}%`;
const duration = (seconds: number | null) =>
  seconds === null ? 'n/a' : formatDuration(seconds);

/** The four headline numbers of a metrics response, as the tiles show them. */
export function metricTiles(
  metrics: DeliveryMetricsResponse,
): MetricTileModel[] {
  const { summary, window } = metrics;
  return [
    {
      metric: 'deploymentFrequency',
      label: 'Deployment frequency',
      value: `${summary.deploymentsPerDay.toFixed(2)}/day`,
      detail: `${summary.deployments} deployments in ${window.days} days`,
    },
    {
      metric: 'leadTime',
      label: 'Lead time for changes',
      value: duration(summary.leadTimeMedianSeconds),
      detail: `median of ${summary.leadTimeSamples} merged pull requests`,
    },
    {
      metric: 'changeFailureRate',
      label: 'Change failure rate',
      value: percent(summary.changeFailureRate),
      detail: `${summary.failedDeployments} of ${summary.deployments} deployments`,
    },
    {
      metric: 'timeToRestore',
      label: 'Time to restore',
      value: duration(summary.timeToRestoreMedianSeconds),
      detail: `${summary.restoredIncidents} restored, ${summary.openIncidents} open`,
    },
  ];
}

/** A bucket's label on a chart axis and in the data tables: "Dec 7" (UTC, as the buckets are). */
export function bucketLabel(start: string): string {
  return new Date(start).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** The series as chart rows: durations in hours, so the axes read naturally. */
export function chartRows(metrics: DeliveryMetricsResponse) {
  const hours = (seconds: number | null) =>
    seconds === null ? null : Math.round((seconds / 3600) * 10) / 10;
  return metrics.series.map(bucket => ({
    label: bucketLabel(bucket.start),
    deployments: bucket.deployments - bucket.failedDeployments,
    failedDeployments: bucket.failedDeployments,
    leadTimeHours: hours(bucket.leadTimeMedianSeconds),
    timeToRestoreHours: hours(bucket.timeToRestoreMedianSeconds),
  }));
}
export type ChartRow = ReturnType<typeof chartRows>[number];
