import { KubeEmulator } from '@internal/kube-emulator';
import { startClusters, watcherFor } from '../../__testUtils__/clusters';
import { waitFor } from '../../__testUtils__/waitFor';
import { ClusterWatcher } from './types';

const KEY = 'dev/flagger.app/Canary/shop/web';

/** A Flagger Canary for `web` as its controller reports it mid-analysis. */
function canary(phase: string, canaryWeight: number) {
  return {
    apiVersion: 'flagger.app/v1beta1',
    kind: 'Canary',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      analysis: { interval: '1m', threshold: 5, maxWeight: 50, stepWeight: 10 },
    },
    status: {
      phase,
      canaryWeight,
      failedChecks: 0,
      iterations: 0,
      conditions: [
        {
          type: 'Promoted',
          status: 'Unknown',
          reason: 'Progressing',
          message: `Advance web.shop canary weight ${canaryWeight}`,
        },
      ],
    },
  };
}

describe('ClusterWatcher and Flagger Canaries', () => {
  let emulator: KubeEmulator;
  let watcher: ClusterWatcher | undefined;

  beforeEach(async () => {
    emulator = await startClusters(['dev']);
  });

  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
    await emulator.close();
  });

  it('caches a Canary normalised, and follows its weight through watch events', async () => {
    const dev = emulator.cluster('dev');
    dev.apply(canary('Progressing', 10));
    const started = watcherFor(dev);
    watcher = started.watcher;
    watcher.start();
    const listed = await waitFor('canary cached', () => started.cache.get(KEY));
    expect(listed).toMatchObject({
      engine: 'flagger',
      health: {
        status: 'Progressing',
        message:
          'Progressing --- Canary Weight: 10 % --- Advance web.shop canary weight 10',
      },
      rollout: { phase: 'Progressing', canaryWeight: 10 },
    });

    dev.apply(canary('Progressing', 20));
    const advanced = await waitFor('canary at 20%', () => {
      const record = started.cache.get(KEY);
      return record?.rollout?.canaryWeight === 20 ? record : undefined;
    });
    expect(advanced.rollout).toMatchObject({ phase: 'Progressing' });
  });
});
