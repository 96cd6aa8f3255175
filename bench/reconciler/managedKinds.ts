/**
 * Benchmark (run on purpose, not a test) of how the reconciler watches Crossplane managed resource kinds: a cluster
 * with Argo CD, Crossplane and a provider family's 900 managed resource CRDs, of which 40 are referenced by
 * composites, watched on demand (`gitops.watch.managedKinds.watch: referenced`, the default) and by watching every
 * managed CRD (`all`), one after the other in the same run. Prints one JSON line: watches opened (by what they
 * watch), kinds watched, objects cached and the heap the watcher holds (after gc) for each. See README.md.
 */
import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { managedResourceCrd } from '@internal/kube-emulator';
import { readGitopsConfig } from '../../plugins/gitops-backend/src/config';
import {
  createClusterWatcher,
  ManagedKindsOptions,
} from '../../plugins/gitops-backend/src/services/ClusterWatcher';
import { createObjectCache } from '../../plugins/gitops-backend/src/services/ObjectCache';
import { RemoteCluster, startEmulatorProcess } from './emulatorProcess';
import { startCountingProxy } from './proxy';

const MANAGED_CRDS = Number(process.env.BENCH_MANAGED_CRDS ?? 900);
const IN_USE = Number(process.env.BENCH_MANAGED_IN_USE ?? 40);
/** Managed resources per kind (every kind has some: a cluster with a provider family in use). */
const OBJECTS_PER_KIND = Number(process.env.BENCH_OBJECTS_PER_KIND ?? 2);
/** The tools installed besides the provider family (the emulator's `--crds=` families; `all` = every one). */
const CRD_FAMILIES = process.env.BENCH_CRD_FAMILIES ?? 'argocd,crossplane';
const GROUP = 'platform.example.org';
const MANAGED_GROUP_SUFFIX = '.aws.example.org';
const PROVIDERS = [
  'ec2',
  's3',
  'rds',
  'iam',
  'lambda',
  'sqs',
  'sns',
  'eks',
  'kms',
];

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** `Kind<i>` in the group of provider `i % PROVIDERS.length`, as a provider family spreads its kinds. */
const managedKind = (i: number) => {
  const provider = PROVIDERS[i % PROVIDERS.length];
  return {
    group: `${provider}${MANAGED_GROUP_SUFFIX}`,
    kind: `Resource${i}`,
    plural: `resource${i}s`,
    provider: 'aws',
  };
};

function managedObject(i: number, n: number) {
  const { group, kind } = managedKind(i);
  return {
    apiVersion: `${group}/v1beta1`,
    kind,
    metadata: {
      name: `r${i}-${n}`,
      labels: { 'crossplane.io/composite': `xr-${i}` },
    },
    spec: { forProvider: { region: 'eu-west-1' } },
    status: {
      conditions: [
        { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
        { type: 'Ready', status: 'True', reason: 'Available' },
      ],
    },
  };
}

/** The XRD, its composite CRD, and one composite per kind in use naming that kind's resources. */
function crossplane(): unknown[] {
  const versions = [
    {
      name: 'v1alpha1',
      served: true,
      storage: true,
      referenceable: true,
      schema: {
        openAPIV3Schema: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
        },
      },
      subresources: { status: {} },
    },
  ];
  const composites = Array.from({ length: IN_USE }, (_, i) => ({
    apiVersion: `${GROUP}/v1alpha1`,
    kind: 'XStack',
    metadata: { name: `xr-${i}` },
    spec: {
      resourceRefs: Array.from({ length: OBJECTS_PER_KIND }, (_, n) => ({
        apiVersion: `${managedKind(i).group}/v1beta1`,
        kind: managedKind(i).kind,
        name: `r${i}-${n}`,
      })),
    },
    status: {
      conditions: [{ type: 'Ready', status: 'True', reason: 'Available' }],
    },
  }));
  return [
    {
      apiVersion: 'apiextensions.crossplane.io/v1',
      kind: 'CompositeResourceDefinition',
      metadata: { name: `xstacks.${GROUP}` },
      spec: {
        group: GROUP,
        names: { kind: 'XStack', plural: 'xstacks' },
        versions,
      },
    },
    {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `xstacks.${GROUP}` },
      spec: {
        group: GROUP,
        scope: 'Cluster',
        names: {
          kind: 'XStack',
          plural: 'xstacks',
          singular: 'xstack',
          listKind: 'XStackList',
        },
        versions: versions.map(({ referenceable: _, ...v }) => v),
      },
    },
    ...composites,
  ];
}

async function seed(cluster: RemoteCluster) {
  const kinds = Array.from({ length: MANAGED_CRDS }, (_, i) => i);
  await cluster.apply(kinds.map(i => managedResourceCrd(managedKind(i))));
  await cluster.apply(
    kinds.flatMap(i =>
      Array.from({ length: OBJECTS_PER_KIND }, (_, n) => managedObject(i, n)),
    ),
  );
  await cluster.apply(crossplane());
}

const silent: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silent,
};

async function heapAfterGc() {
  const gc = (global as { gc?: () => void }).gc;
  let last = process.memoryUsage().heapUsed;
  for (let i = 0; gc && i < 10; i++) {
    gc();
    await sleep(50);
    const now = process.memoryUsage().heapUsed;
    if (i >= 1 && now >= last) break;
    last = now;
  }
  return process.memoryUsage().heapUsed;
}

/**
 * The watch requests a cluster saw, by what they watch: managed resource kinds, the other kinds (GitOps kinds the
 * cluster serves, XRDs, composites...), and the watcher's own two (CustomResourceDefinitions, the argocd-cm).
 */
function watchBreakdown(watchPaths: string[]) {
  const isManaged = (path: string) => path.includes(`${MANAGED_GROUP_SUFFIX}/`);
  const isWatcherOwn = (path: string) =>
    path.endsWith('/customresourcedefinitions') || path.endsWith('/configmaps');
  const other = watchPaths.filter(p => !isManaged(p) && !isWatcherOwn(p));
  return {
    managedKinds: watchPaths.filter(isManaged).length,
    otherKinds: other.length,
    crdAndArgocdCm: watchPaths.filter(isWatcherOwn).length,
    // `plural.group`, as a CRD is named (the path's last segment and, under /apis, its group).
    otherKindNames: other
      .map(p => {
        const segments = p.split('/');
        const plural = segments[segments.length - 1];
        return segments[1] === 'apis' ? `${plural}.${segments[2]}` : plural;
      })
      .sort(),
  };
}

/** Watches one cluster in the given mode until its managed kinds are all watched and listed, then measures. */
async function measure(
  cluster: RemoteCluster,
  managedKinds: ManagedKindsOptions,
) {
  const proxy = await startCountingProxy(cluster.url);
  const expectedKinds = managedKinds.watch === 'all' ? MANAGED_CRDS : IN_USE;
  const before = await heapAfterGc();
  const config = readGitopsConfig(
    new ConfigReader({
      gitops: {
        clusters: [
          {
            name: cluster.name,
            url: proxy.url,
            serviceAccountToken: cluster.token,
            skipTLSVerify: true,
          },
        ],
      },
    }),
  );
  const cache = createObjectCache();
  const started = Date.now();
  const watcher = createClusterWatcher({
    cluster: config.clusters[0],
    cache,
    logger: silent,
    idleTimeoutMs: 90_000,
    discoveryIntervalMs: 15 * 60_000,
    staleAfterMs: 60_000,
    managedKinds,
  });
  watcher.start();
  const managedCached = () =>
    cache.all().filter(o => o.crossplane?.role === 'managed').length;
  const deadline = Date.now() + 5 * 60_000;
  while (managedCached() < expectedKinds * OBJECTS_PER_KIND) {
    if (Date.now() > deadline) {
      throw new Error(
        `${
          managedKinds.watch
        }: ${managedCached()} managed objects after 5 minutes`,
      );
    }
    await sleep(100);
  }
  const readyMs = Date.now() - started;
  // Let the watches open (a list is followed by its watch request).
  await sleep(2_000);
  const after = await heapAfterGc();
  const kinds = watcher.state().kinds;
  const result = {
    readyMs,
    watchesOpened: proxy.counts.watch ?? 0,
    watches: watchBreakdown(proxy.watchPaths),
    listRequests: proxy.counts.list ?? 0,
    discoveryRequests: proxy.counts.discovery ?? 0,
    kindsWatched: kinds.filter(k => k.state === 'watching').length,
    managedKindsWithObjectsCached: new Set(
      cache
        .all()
        .filter(o => o.crossplane?.role === 'managed')
        .map(o => o.kind),
    ).size,
    objectsCached: cache.all().length,
    heapHeldMb: mb(after - before),
  };
  await watcher.stop();
  await proxy.close();
  return result;
}

async function main() {
  const emulator = await startEmulatorProcess(
    ['on-demand', 'watch-all'],
    CRD_FAMILIES === 'all' ? undefined : CRD_FAMILIES.split(','),
  );
  try {
    const [onDemandCluster, allCluster] = emulator.clusters;
    await seed(onDemandCluster);
    await seed(allCluster);
    const onDemand = await measure(onDemandCluster, {
      watch: 'referenced',
      max: 100,
    });
    const watchAll = await measure(allCluster, {
      watch: 'all',
      max: MANAGED_CRDS,
    });
    process.stdout.write(
      `${JSON.stringify({
        bench: 'reconciler-managed-kinds',
        crdFamilies: CRD_FAMILIES,
        managedCrds: MANAGED_CRDS,
        inUse: IN_USE,
        objectsPerKind: OBJECTS_PER_KIND,
        gcExposed: typeof (global as { gc?: unknown }).gc === 'function',
        onDemand,
        watchAll,
      })}\n`,
    );
  } finally {
    await emulator.close();
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
