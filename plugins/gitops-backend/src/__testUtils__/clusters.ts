import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  EmulatedCluster,
  gitopsCrds,
  KubeEmulator,
  startKubeEmulator,
} from '@internal/kube-emulator';
import { readGitopsConfig } from '../config';
import {
  ClusterWatcher,
  ClusterWatcherOptions,
  createClusterWatcher,
} from '../services/ClusterWatcher';
import { createObjectCache, ObjectCache } from '../services/ObjectCache';

/** The `gitops.clusters[]` entry the sandbox writes for an emulated cluster. */
export function clusterConfigEntry(
  cluster: EmulatedCluster,
  environment = cluster.name,
) {
  return {
    name: cluster.name,
    environment,
    url: cluster.url,
    skipTLSVerify: true,
    serviceAccountToken: cluster.token,
  };
}

export async function startClusters(
  names: string[],
  options: {
    crds?: boolean;
    bookmarkIntervalMs?: number;
    continueTokenTtlMs?: number;
  } = {},
): Promise<KubeEmulator> {
  const emulator = await startKubeEmulator({
    clusters: names.map(name => ({ name })),
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    continueTokenTtlMs: options.continueTokenTtlMs,
  });
  if (options.crds !== false) {
    for (const cluster of emulator.clusters) {
      cluster.apply(gitopsCrds());
    }
  }
  return emulator;
}

/** Minimal CRDs (one served version, v1) for kinds the emulator's `gitopsCrds()` does not define. */
export function crdsOf(
  kinds: Array<{ group: string; kind: string; plural: string }>,
) {
  return kinds.map(({ group, kind, plural }) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      names: {
        plural,
        singular: kind.toLowerCase(),
        kind,
        listKind: `${kind}List`,
      },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
          },
        },
      ],
    },
  }));
}

/** Fast retries and short server timeouts so tests see recoveries quickly. */
export const TEST_TIMINGS = {
  idleTimeoutMs: 2_000,
  discoveryIntervalMs: 60_000,
  staleAfterMs: 60_000,
  backoff: { baseMs: 20, capMs: 200 },
  watchTimeoutSeconds: 30,
};

/** A ClusterWatcher built through the real config reader, as the plugin does. */
export function watcherFor(
  cluster: EmulatedCluster,
  overrides: Partial<ClusterWatcherOptions> = {},
  cache: ObjectCache = createObjectCache(),
): { watcher: ClusterWatcher; cache: ObjectCache } {
  const config = readGitopsConfig(
    new ConfigReader({ gitops: { clusters: [clusterConfigEntry(cluster)] } }),
  );
  const watcher = createClusterWatcher({
    cluster: config.clusters[0],
    cache,
    logger: mockServices.logger.mock(),
    ...TEST_TIMINGS,
    ...overrides,
  });
  return { watcher, cache };
}

export function application(
  name: string,
  status: { sync?: string; health?: string; revision?: string } = {},
  labels: Record<string, string> = {},
) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd', labels },
    spec: {
      project: 'default',
      source: { repoURL: 'https://git.example/x', path: name },
    },
    status: {
      sync: {
        status: status.sync ?? 'Synced',
        revision: status.revision ?? 'a'.repeat(40),
      },
      health: { status: status.health ?? 'Healthy' },
    },
  };
}
