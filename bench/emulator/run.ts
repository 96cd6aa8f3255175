/**
 * Benchmark: one emulator process with 100 clusters and 50,000 objects.
 * Prints one JSON line: start time, RSS after seeding, full-list throughput through client-node.
 */
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { gitopsCrds, startKubeEmulator } from '@internal/kube-emulator';
import { argoApplication, fluxKustomization } from './fixtures';

const CLUSTERS = 100;
const OBJECTS_PER_CLUSTER = 500; // half Applications, half Kustomizations
const PAGE = 500;
const CONCURRENCY = 4;

const KINDS = [
  { group: 'argoproj.io', version: 'v1alpha1', plural: 'applications' },
  {
    group: 'kustomize.toolkit.fluxcd.io',
    version: 'v1',
    plural: 'kustomizations',
  },
];

async function listAll(api: CustomObjectsApi): Promise<number> {
  let count = 0;
  for (const kind of KINDS) {
    let token: string | undefined;
    do {
      const page = await api.listClusterCustomObject({
        ...kind,
        limit: PAGE,
        _continue: token,
      });
      count += page.items.length;
      token = page.metadata?.continue || undefined;
    } while (token);
  }
  return count;
}

async function main() {
  const started = performance.now();
  const emulator = await startKubeEmulator({
    clusters: Array.from({ length: CLUSTERS }, (_, i) => ({
      name: `cluster-${String(i).padStart(3, '0')}`,
    })),
  });
  const startMs = performance.now() - started;

  const seedStarted = performance.now();
  let bytes = 0;
  for (const cluster of emulator.clusters) {
    cluster.apply(gitopsCrds());
    const objects = [];
    for (let i = 0; i < OBJECTS_PER_CLUSTER / 2; i++) {
      objects.push(
        argoApplication(cluster.name, i),
        fluxKustomization(cluster.name, i),
      );
    }
    if (cluster === emulator.clusters[0])
      bytes = objects.reduce((n, o) => n + JSON.stringify(o).length, 0);
    cluster.apply(objects);
  }
  const seedMs = performance.now() - seedStarted;
  // Collect seeding garbage first when allowed (--expose-gc), so RSS reflects what is kept.
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const rssMb = memory.rss / 1024 / 1024;
  const heapMb = memory.heapUsed / 1024 / 1024;

  const apis = emulator.clusters.map(cluster => {
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfig());
    return kc.makeApiClient(CustomObjectsApi);
  });
  const listStarted = performance.now();
  let listed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < apis.length) {
        const count = await listAll(apis[next++]);
        listed += count;
      }
    }),
  );
  const listSeconds = (performance.now() - listStarted) / 1000;
  await emulator.close();

  const expected = CLUSTERS * OBJECTS_PER_CLUSTER;
  if (listed !== expected)
    throw new Error(`listed ${listed} objects, expected ${expected}`);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'emulator',
      clusters: CLUSTERS,
      objects: expected,
      avgObjectBytes: Math.round(bytes / OBJECTS_PER_CLUSTER),
      startMs: Math.round(startMs),
      seedMs: Math.round(seedMs),
      rssMb: Math.round(rssMb),
      heapMb: Math.round(heapMb),
      listObjectsPerSec: Math.round(listed / listSeconds),
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(
    `${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
