/**
 * Process side of backendProcess.ts: warms up (one backend without clusters, started and stopped, so
 * code loading is not counted), takes the baseline, then starts the measured backend on request and
 * answers memory readings. Nothing else runs in this process, so its RSS is the backend's.
 */
import { AddressInfo } from 'node:net';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { gitopsPlugin } from '../../plugins/gitops-backend/src/plugin';
import type {
  BackendCluster,
  BackendReply,
  BackendRequest,
  MemoryReport,
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

async function memory(): Promise<MemoryReport> {
  samplePeak(); // before gc: the garbage is part of the peak
  await gc();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return {
    now: { rss, heapUsed, heapTotal, external },
    peakRss,
    peakHeapTotal,
    gcExposed,
  };
}

const features = (clusters: BackendCluster[]) => [
  gitopsPlugin,
  catalogServiceMock.factory({ entities: entities() }),
  createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({ publish: async () => {} }), // signals are not measured
  }),
  mockServices.rootConfig.factory({
    data: {
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

async function main() {
  const clusters: BackendCluster[] = JSON.parse(
    process.env.BENCH_BACKEND_CLUSTERS ?? '[]',
  );
  const reply = (message: BackendReply) => process.send!(message);
  await (await startTestBackend({ features: features([]) })).stop();
  const baseline = await memory();
  peakRss = baseline.now.rss;
  peakHeapTotal = baseline.now.heapTotal;
  reply({ type: 'baseline', memory: baseline });

  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  let sampler: NodeJS.Timeout | undefined;
  process.on('message', async (request: BackendRequest) => {
    try {
      if (request.type === 'start') {
        sampler = setInterval(samplePeak, 20);
        backend = await startTestBackend({ features: features(clusters) });
        const { port } = backend.server.address() as AddressInfo;
        reply({ type: 'started', port });
      } else if (request.type === 'memory') {
        reply({ type: 'memory', memory: await memory() });
      } else if (request.type === 'stop') {
        clearInterval(sampler);
        await backend?.stop();
        reply({ type: 'stopped' });
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
