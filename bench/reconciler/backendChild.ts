/**
 * Process side of backendProcess.ts: warms up (one backend without clusters, started and stopped, so
 * code loading is not counted), takes the baseline, then starts the measured backend on request and
 * answers memory readings. Nothing else runs in this process, so its RSS is the backend's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { gitopsPlugin } from '../../plugins/gitops-backend/src/plugin';
import type {
  BackendCluster,
  BackendReply,
  BackendRequest,
  MemoryReport,
  SettledReport,
} from './backendProcess';
import { entities } from './fixtures';

const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Full collections until the heap stops shrinking (at least 2, at most 10), so readings are not garbage. */
async function gc() {
  if (!gcExposed) return;
  let last = Infinity;
  for (let i = 0; i < 10; i++) {
    (globalThis as unknown as { gc: () => void }).gc();
    await sleep(50);
    const used = process.memoryUsage().heapUsed;
    if (i > 0 && used >= last * 0.99) break;
    last = used;
  }
}

let peakRss = 0;
let peakHeapTotal = 0;
const samplePeak = () => {
  const { rss, heapTotal } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeapTotal = Math.max(peakHeapTotal, heapTotal);
};

/** CPU usage when the measured backend was asked to start. */
let cpuAtStart: NodeJS.CpuUsage | undefined;

async function memory(): Promise<MemoryReport> {
  samplePeak(); // before gc: the garbage is part of the peak
  const cpu = cpuAtStart && process.cpuUsage(cpuAtStart);
  await gc();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return {
    now: { rss, heapUsed, heapTotal, external },
    peakRss,
    peakHeapTotal,
    cpuMs: cpu ? (cpu.user + cpu.system) / 1000 : 0,
    gcExposed,
  };
}

/**
 * An idle window without forced collections: V8 keeps the pages a burst of garbage freed (its page pool) until
 * its memory reducer runs on an idle heap, which gives them back to the system; this reads what remains.
 */
async function settle(ms: number): Promise<SettledReport> {
  const rssMbEvery5s: number[] = [];
  for (let waited = 0; waited < ms; waited += 5_000) {
    await sleep(Math.min(5_000, ms - waited));
    rssMbEvery5s.push(Math.round(process.memoryUsage().rss / 2 ** 20));
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  require('node:fs').writeFileSync(
    `/tmp/smaps-${Date.now()}`,
    require('node:fs').readFileSync('/proc/self/smaps'),
  );
  return { end: { rss, heapUsed, heapTotal, external }, rssMbEvery5s };
}
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 60_000);

/** The app's default database (app-config.yaml): better-sqlite3 files in a directory, not in memory. */
const databaseDir = mkdtempSync(join(tmpdir(), 'gitops-bench-db-'));

const features = (clusters: BackendCluster[]) => [
  gitopsPlugin,
  databaseServiceFactory,
  catalogServiceMock.factory({ entities: entities() }),
  createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({ publish: async () => {} }), // signals are not measured
  }),
  mockServices.rootConfig.factory({
    data: {
      backend: {
        database: {
          client: 'better-sqlite3',
          connection: { directory: databaseDir },
        },
      },
      gitops: {
        clusters: clusters.map(cluster => ({
          name: cluster.name,
          environment: cluster.name,
          url: cluster.url, // the bench's counting proxy
          skipTLSVerify: true,
          serviceAccountToken: cluster.token,
        })),
        staleAfter: '1h',
      },
    },
  }),
];

/** Starts a backend on the warm-up cluster, waits until it serves all its objects, and stops it. */
async function warmUp(warmup: { cluster: BackendCluster; objects: number }) {
  const backend = await startTestBackend({
    features: features([warmup.cluster]),
  });
  const { port } = backend.server.address() as AddressInfo;
  const headers = { Authorization: mockCredentials.service.header() };
  for (const started = Date.now(); ; await sleep(50)) {
    const res = await fetch(
      `http://127.0.0.1:${port}/api/gitops/overview?limit=1`,
      { headers },
    );
    if (res.ok && (await res.json()).total === warmup.objects) break;
    if (Date.now() - started > 60_000) throw new Error('warm-up timed out');
  }
  await backend.stop();
}

async function main() {
  const clusters: BackendCluster[] = JSON.parse(
    process.env.BENCH_BACKEND_CLUSTERS ?? '[]',
  );
  const reply = (message: BackendReply) => process.send!(message);
  await warmUp(JSON.parse(process.env.BENCH_WARMUP!));
  const settled = await settle(SETTLE_MS);
  const baseline = await memory();
  peakRss = baseline.now.rss;
  peakHeapTotal = baseline.now.heapTotal;
  reply({ type: 'baseline', memory: baseline, settled });

  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  let sampler: NodeJS.Timeout | undefined;
  process.on('message', async (request: BackendRequest) => {
    try {
      if (request.type === 'start') {
        sampler = setInterval(samplePeak, 20);
        cpuAtStart = process.cpuUsage();
        backend = await startTestBackend({ features: features(clusters) });
        const { port } = backend.server.address() as AddressInfo;
        reply({ type: 'started', port });
      } else if (request.type === 'memory') {
        reply({ type: 'memory', memory: await memory() });
      } else if (request.type === 'settle') {
        reply({ type: 'settled', settled: await settle(request.ms) });
      } else if (request.type === 'stop') {
        clearInterval(sampler);
        await backend?.stop();
        reply({ type: 'stopped' });
        rmSync(databaseDir, { recursive: true, force: true });
        // Scheduler timers of the test backend may linger; everything is closed.
        setTimeout(() => process.exit(0), 100);
      }
    } catch (error) {
      reply({ type: 'error', message: String(error) });
    }
  });
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
