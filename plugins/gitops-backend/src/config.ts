import { LoggerService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { KubeConfig } from '@kubernetes/client-node';

/** One configured cluster; the credentials stay inside the KubeConfig. */
export interface ClusterConfig {
  name: string;
  environment?: string;
  kubeConfig: KubeConfig;
}

export interface GitopsConfig {
  clusters: ClusterConfig[];
  staleAfterMs: number;
  idleTimeoutMs: number;
  retentionMs: number;
  discoveryIntervalMs: number;
  discoveryFallbackIntervalMs: number;
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

function kubeConfigFor(cluster: Config, name: string): KubeConfig {
  const kc = new KubeConfig();
  const kubeconfigPath = cluster.getOptionalString('kubeconfigPath');
  if (kubeconfigPath) {
    kc.loadFromFile(kubeconfigPath);
    const context = cluster.getOptionalString('context');
    if (context) kc.setCurrentContext(context);
    return kc;
  }
  const url = cluster.getString('url');
  const token = cluster.getOptionalString('serviceAccountToken');
  kc.loadFromOptions({
    clusters: [
      {
        name,
        server: url,
        caData: cluster.getOptionalString('caData'),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      },
    ],
    users: [{ name: 'gitops-portal', ...(token ? { token } : {}) }],
    contexts: [{ name, cluster: name, user: 'gitops-portal' }],
    currentContext: name,
  });
  return kc;
}

/**
 * Reads `gitops.*`; throws on a cluster without url or kubeconfigPath, or a duplicate name. With a logger, a
 * deprecated key in use is warned about (the plugin passes its logger once, at start-up).
 */
export function readGitopsConfig(
  root: Config,
  logger?: Pick<LoggerService, 'warn'>,
): GitopsConfig {
  const config = root.getOptionalConfig('gitops');
  const clusters = (config?.getOptionalConfigArray('clusters') ?? []).map(
    cluster => {
      const name = cluster.getString('name');
      return {
        name,
        environment: cluster.getOptionalString('environment'),
        kubeConfig: kubeConfigFor(cluster, name),
      };
    },
  );
  const names = new Set<string>();
  for (const { name } of clusters) {
    if (names.has(name)) {
      throw new Error(`gitops.clusters: duplicate cluster name '${name}'`);
    }
    names.add(name);
  }
  const read = (key: string, fallback: HumanDuration) =>
    config
      ? durationMs(config, key, fallback)
      : durationToMilliseconds(fallback);
  return {
    clusters,
    staleAfterMs: read('staleAfter', { seconds: 30 }),
    idleTimeoutMs: read('watch.idleTimeout', { seconds: 90 }),
    retentionMs: read('history.retention', { days: 30 }),
    // CRD changes trigger discovery; the interval is a safety net only.
    discoveryIntervalMs: read('discoveryInterval', { minutes: 15 }),
    discoveryFallbackIntervalMs: read('discoveryFallbackInterval', {
      seconds: 60,
    }),
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
