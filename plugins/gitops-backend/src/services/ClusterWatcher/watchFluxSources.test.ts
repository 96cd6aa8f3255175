import { KubeEmulator } from '@internal/kube-emulator';
import {
  crdsOf,
  startClusters,
  watcherFor,
} from '../../__testUtils__/clusters';
import { waitFor } from '../../__testUtils__/waitFor';
import { ClusterWatcher } from './types';

const GROUP = 'source.toolkit.fluxcd.io';

/** A Flux source as source-controller reports it once its artifact is stored. */
function source(kind: string, spec: Record<string, unknown> = {}) {
  const condition = (type: string) => ({
    type,
    status: 'True',
    reason: 'Succeeded',
    message: `stored artifact for ${kind}`,
    lastTransitionTime: '2026-01-01T00:00:00Z',
  });
  return {
    apiVersion: `${GROUP}/v1`,
    kind,
    metadata: { name: 'shop', namespace: 'flux-system', generation: 1 },
    spec,
    status: {
      observedGeneration: 1,
      conditions: [condition('Ready'), condition('ArtifactInStorage')],
    },
  };
}

/** Kinds watched by following the README's recipe (the emulator's stock CRDs do not define them). */
describe.each([
  ['HelmChart', 'helmcharts'],
  ['Bucket', 'buckets'],
])('ClusterWatcher and Flux %s', (kind, plural) => {
  const key = `dev/${GROUP}/${kind}/flux-system/shop`;
  let emulator: KubeEmulator;
  let watcher: ClusterWatcher | undefined;

  beforeEach(async () => {
    emulator = await startClusters(['dev']);
    emulator.cluster('dev').apply(crdsOf([{ group: GROUP, kind, plural }]));
  });

  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
    await emulator.close();
  });

  it('watches the kind where the cluster serves it', async () => {
    const dev = emulator.cluster('dev');
    const started = watcherFor(dev);
    watcher = started.watcher;
    watcher.start();
    const state = await waitFor('kind watched', () =>
      watcher?.state().kinds.find(entry => entry.kind === kind),
    );
    expect(state).toMatchObject({
      apiVersion: `${GROUP}/v1`,
      state: 'watching',
    });
  });

  it('caches its objects normalised, and follows them through watch events', async () => {
    const dev = emulator.cluster('dev');
    dev.apply(source(kind));
    const started = watcherFor(dev);
    watcher = started.watcher;
    watcher.start();
    const listed = await waitFor('listed', () => started.cache.get(key));
    expect(listed).toMatchObject({
      engine: 'flux',
      kind,
      health: { status: 'Healthy' },
    });

    dev.apply(source(kind, { suspend: true }));
    const suspended = await waitFor('suspended', () => {
      const record = started.cache.get(key);
      return record?.health.status === 'Suspended' ? record : undefined;
    });
    expect(suspended.health.message).toBe(`${kind} is suspended`);
  });
});
