import { LoggerService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  ClusterConfig,
  ClusterSettings,
  readClusterSettings,
  resolveClusters,
  toClusterConfig,
} from './clusters';

import {
  ClusterHealthOptions,
  readHealthConfig,
} from './services/ClusterWatcher/healthConfig';
import {
  ManagedKindsOptions,
  readManagedKindsConfig,
} from './services/ClusterWatcher/managedKindsConfig';

export type { ClusterConfig } from './clusters';

export interface GitopsConfig {
  /**
   * The clusters configured in app-config (`kubernetes.clusterLocatorMethods` type config, `gitops.clusters`); the
   * plugin watches those of its ClusterSource, which adds the catalog's.
   */
  clusters: ClusterConfig[];
  /** What the ClusterSource is built from. */
  clusterSettings: ClusterSettings;
  staleAfterMs: number;
  idleTimeoutMs: number;
  retentionMs: number;
  discoveryIntervalMs: number;
  discoveryFallbackIntervalMs: number;
  /** `gitops.catalogEntities.refreshInterval`: how often the entity index re-reads the catalog. */
  entityIndexRefreshMs: number;
  /** `gitops.health`: the argocd-cm namespace and our own custom health scripts. */
  health: ClusterHealthOptions;
  /** `gitops.watch.managedKinds`: which Crossplane managed resource kinds are watched, and how many at most. */
  managedKinds: ManagedKindsOptions;
  /** Scale-out across replicas on PostgreSQL; absent unless `gitops.sharding` is configured. */
  sharding?: {
    enabled: boolean;
    leaseDurationMs: number;
    pollSignals: boolean;
    teamView: boolean;
  };
}

/**
 * A boolean key renamed from `old` to `current`: the old key keeps working for one release, and its use is warned
 * about once per read naming both keys. `current` wins when both are set.
 */
function renamedBoolean(
  config: Config,
  { old, current }: { old: string; current: string },
  fallback: boolean,
  logger?: Pick<LoggerService, 'warn'>,
): boolean {
  if (config.has(old)) {
    const wins = config.has(current)
      ? ` (gitops.${current} is set and wins)`
      : '';
    logger?.warn(
      `gitops.${old} is deprecated and will be removed in the next release: use gitops.${current}${wins}`,
    );
  }
  return (
    config.getOptionalBoolean(current) ??
    config.getOptionalBoolean(old) ??
    fallback
  );
}

function durationMs(
  config: Config,
  key: string,
  fallback: HumanDuration,
): number {
  return durationToMilliseconds(
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
}

/**
 * Reads `gitops.*` and the Kubernetes plugin's `kubernetes.clusterLocatorMethods`; throws on a cluster without url
 * or kubeconfigPath, or a duplicate name (see `readClusterSettings`). With a logger, a deprecated key in use is
 * warned about (the plugin passes its logger once, at start-up).
 */
export function readGitopsConfig(
  root: Config,
  logger?: Pick<LoggerService, 'warn'>,
): GitopsConfig {
  const config = root.getOptionalConfig('gitops');
  const clusterSettings = readClusterSettings(root, { logger });
  const clusters =
    resolveClusters(clusterSettings).entries.map(toClusterConfig);
  const read = (key: string, fallback: HumanDuration) =>
    config
      ? durationMs(config, key, fallback)
      : durationToMilliseconds(fallback);
  return {
    clusters,
    clusterSettings,
    staleAfterMs: read('staleAfter', { seconds: 30 }),
    idleTimeoutMs: read('watch.idleTimeout', { seconds: 90 }),
    retentionMs: read('history.retention', { days: 30 }),
    // CRD changes trigger discovery; the interval is a safety net only.
    discoveryIntervalMs: read('discoveryInterval', { minutes: 15 }),
    discoveryFallbackIntervalMs: read('discoveryFallbackInterval', {
      seconds: 60,
    }),
    entityIndexRefreshMs: read('catalogEntities.refreshInterval', {
      seconds: 60,
    }),
    health: readHealthConfig(config),
    managedKinds: readManagedKindsConfig(config),
    ...(config?.has('sharding')
      ? {
          sharding: {
            enabled: config.getOptionalBoolean('sharding.enabled') ?? false,
            // A dead replica's heartbeat (1.5 leases) expires, then a renewal round (lease / 3): 22 s by default.
            leaseDurationMs: read('sharding.leaseDuration', { seconds: 12 }),
            pollSignals:
              config.getOptionalBoolean('sharding.pollSignals') ?? false,
            teamView: renamedBoolean(
              config,
              { old: 'sharding.teamReadModel', current: 'sharding.teamView' },
              true,
              logger,
            ),
          },
        }
      : {}),
  };
}
