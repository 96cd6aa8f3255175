import { metrics } from '@opentelemetry/api';

/**
 * The watch loops' counters. They live with the watcher (not in the plugin's metrics.ts, which reads the watchers'
 * state), so the watcher depends on no module that depends on it.
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

export const managedWatchesWanted = meter.createUpDownCounter(
  'gitops.watch.managed_kinds',
  {
    description:
      'Crossplane managed resource kinds watched per cluster (those referenced, or all with gitops.watch.managedKinds.watch: all)',
  },
);

export const managedWatchesOverCap = meter.createUpDownCounter(
  'gitops.watch.managed_kinds_over_cap',
  {
    description:
      'Managed resource kinds referenced but not watched because gitops.watch.managedKinds.max was reached',
  },
);
