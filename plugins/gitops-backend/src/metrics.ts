import { metrics } from '@opentelemetry/api';
import { countByHealth, countBySync } from '@gitops-portal/plugin-gitops-common';
import type { ClusterWatcher } from './services/ClusterWatcher';
import type { StatusCache } from './services/StatusCache';

/**
 * The reconciler's OpenTelemetry instruments. Through `@opentelemetry/api` they reach whatever MeterProvider the
 * backend registers (Backstage's Prometheus/OTLP setup); without one they cost nothing.
 */
const meter = metrics.getMeter('@gitops-portal/plugin-gitops-backend');

export const watchRestarts = meter.createCounter('gitops.watch.restarts', {
  description:
    'Watches started again after the first one of a list (idle, dropped, ended or expired)',
});

export const relists = meter.createCounter('gitops.relists', {
  description:
    'Full lists of a kind in a cluster (initial, after 410 Expired, after a failure)',
});

/** Gauges read from the cache and the watchers at each collection. */
export function observeReconciler(
  cache: StatusCache,
  watchers: ClusterWatcher[],
) {
  meter
    .createObservableGauge('gitops.objects', {
      description: 'Tracked objects by health and by sync status',
    })
    .addCallback(result => {
      const objects = cache.all();
      const byHealth = countByHealth(objects.map(o => o.health.status));
      for (const [health, count] of Object.entries(byHealth)) {
        result.observe(count, { health });
      }
      for (const [sync, count] of Object.entries(
        countBySync(objects.map(o => o.sync)),
      )) {
        result.observe(count, { sync });
      }
    });
  meter
    .createObservableGauge('gitops.clusters.stale', {
      description:
        'Clusters whose objects are served stale (no good contact for longer than staleAfter)',
    })
    .addCallback(result => {
      result.observe(watchers.filter(w => w.staleSince() !== undefined).length);
    });
}
