import { metrics } from '@opentelemetry/api';
import {
  DataPoint,
  MeterProvider,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import type { KubeEmulator } from '@internal/kube-emulator';
import type * as ClusterUtils from './__testUtils__/clusters';
import type * as Metrics from './metrics';
import { waitFor } from './__testUtils__/waitFor';

/** Collects on demand, as a Prometheus scrape would. */
class TestReader extends MetricReader {
  protected async onShutdown() {}
  protected async onForceFlush() {}
}

const reader = new TestReader();
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
// Instruments bind to the global MeterProvider when their module loads (as in a backend started with its
// instrumentation first), so the reconciler is loaded only now.
const { application, startClusters, watcherFor } = jest.requireActual<
  typeof ClusterUtils
>('./__testUtils__/clusters');
const { observeReconciler } = jest.requireActual<typeof Metrics>('./metrics');

async function points(name: string): Promise<DataPoint<number>[]> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics
    .flatMap(scope => scope.metrics)
    .filter(metric => metric.descriptor.name === name)
    .flatMap(metric => metric.dataPoints as DataPoint<number>[]);
}

const total = (list: DataPoint<number>[]) =>
  list.reduce((sum, point) => sum + point.value, 0);

describe('reconciler metrics', () => {
  let emulator: KubeEmulator;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    dev.apply([
      application('shop'),
      application('cart', { health: 'Degraded' }),
    ]);
    const { watcher, cache } = watcherFor(dev);
    observeReconciler({ cache, watchers: () => [watcher] });
    watcher.start();
    stop = () => watcher.stop();
    await waitFor(
      'both objects cached',
      () => cache.all().length === 2 || undefined,
    );
  });

  afterAll(async () => {
    await stop();
    await emulator.close();
  });

  it('counts tracked objects by health', async () => {
    const byHealth = (await points('gitops.objects')).filter(
      p => p.attributes.health,
    );
    const value = (health: string) =>
      byHealth.find(p => p.attributes.health === health)?.value;
    expect([value('Healthy'), value('Degraded')]).toEqual([1, 1]);
  });

  it('counts the initial list of each kind', async () => {
    const applicationRelists = (await points('gitops.relists')).filter(
      p =>
        p.attributes.kind === 'Application' && p.attributes.cluster === 'dev',
    );
    expect(total(applicationRelists)).toBeGreaterThanOrEqual(1);
  });

  it('counts watches started again (here after a dropped connection)', async () => {
    emulator.cluster('dev').addFault({
      match: { verb: 'watch', resource: 'applications' },
      type: 'drop-connection',
      times: 1,
    });
    // The open watch keeps running; the next one (after its timeout or a change) meets the fault.
    emulator.cluster('dev').apply(application('new-app'));
    const restarts = await waitFor('a restarted watch', async () => {
      const restartPoints = (await points('gitops.watch.restarts')).filter(
        p => p.attributes.kind === 'Application',
      );
      return total(restartPoints) || undefined;
    });
    expect(restarts).toBeGreaterThanOrEqual(1);
  });

  it('reports no stale cluster while the cluster answers', async () => {
    expect(total(await points('gitops.clusters.stale'))).toBe(0);
  });
});
