import { DeliveryMetricsResponse } from '@gitops-portal/plugin-gitops-common';
import { stringify } from 'csv-stringify/sync';

const COLUMNS = [
  'subject',
  'environment',
  'bucketStart',
  'deployments',
  'failedDeployments',
  'changeFailureRate',
  'leadTimeSamples',
  'leadTimeMedianSeconds',
  'incidents',
  'restoredIncidents',
  'timeToRestoreMedianSeconds',
] as const;

/**
 * The series as CSV (RFC 4180: a header row, CRLF line ends, fields with commas, quotes or line breaks quoted),
 * one row per bucket; an empty cell where a number is undefined (no deployments, no samples).
 */
export function deliveryMetricsCsv(metrics: DeliveryMetricsResponse): string {
  const rows = metrics.series.map(bucket => [
    metrics.subject.ref,
    metrics.environment ?? '',
    bucket.start,
    bucket.deployments,
    bucket.failedDeployments,
    bucket.changeFailureRate ?? '',
    bucket.leadTimeSamples,
    bucket.leadTimeMedianSeconds ?? '',
    bucket.incidents,
    bucket.restoredIncidents,
    bucket.timeToRestoreMedianSeconds ?? '',
  ]);
  return stringify([[...COLUMNS], ...rows], {
    record_delimiter: 'windows',
    // A bare LF inside a field is a line break to spreadsheets too: quote it like CRLF.
    quoted_match: /[\r\n]/,
  });
}
