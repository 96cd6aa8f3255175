import { metrics } from '@opentelemetry/api';
import {
  countByHealth,
  countBySync,
} from '@gitops-portal/plugin-gitops-common';
import type { ClusterWatcher } from './services/ClusterWatcher';
import type { ObjectCache } from './services/ObjectCache';

/**
 * The reconciler's gauges. Through `@opentelemetry/api` they reach whatever MeterProvider the backend registers
 * (Backstage's Prometheus/OTLP setup); without one they cost nothing. The watch loops' counters
 * (`gitops.relists`, `gitops.watch.restarts`) live with them, in services/ClusterWatcher/watchMetrics.ts.
 */
const meter = metrics.getMeter('@gitops-portal/plugin-gitops-backend');

/** What the gauges read at each collection: a Reconciler. */
export interface ObservedReconciler {
  readonly cache: Pick<ObjectCache, 'all'>;
  watchers(): Array<Pick<ClusterWatcher, 'staleSince'>>;
}

/** Gauges read from the reconciler's cache and the watchers of the clusters it watches now. */
export function observeReconciler(reconciler: ObservedReconciler) {
  meter
    .createObservableGauge('gitops.objects', {
      description: 'Tracked objects by health and by sync status',
    })
    .addCallback(result => {
      const objects = reconciler.cache.all();
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
      result.observe(
        reconciler.watchers().filter(w => w.staleSince() !== undefined).length,
      );
    });
}
