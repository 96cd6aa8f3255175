import { KubeEmulator } from '@internal/kube-emulator';
import {
  application,
  startClusters,
  watcherFor,
} from '../../__testUtils__/clusters';
import { waitFor } from '../../__testUtils__/waitFor';
import { createObjectCache } from '../ObjectCache';
import { ClusterWatcher } from './types';

function kustomization(name: string, status: unknown) {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace: 'flux-system' },
    spec: {
      interval: '1m',
      path: './',
      sourceRef: { kind: 'GitRepository', name: 'repo' },
    },
    status,
  };
}

const huge = {
  ...application('huge'),
  status: {
    sync: { status: 'Synced' },
    health: { status: 'Degraded', message: 'x'.repeat(100_000) },
    resources: Array.from({ length: 8_000 }, (_, i) => ({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'a',
      name: `d${i}`,
      status: 'Synced',
    })),
    conditions: Array.from({ length: 500 }, (_, i) => ({
      type: `C${i}`,
      message: 'm',
    })),
  },
};

describe('ClusterWatcher robustness', () => {
  let emulator: KubeEmulator;
  let watchers: ClusterWatcher[] = [];

  afterEach(async () => {
    await Promise.all(watchers.map(w => w.stop()));
    watchers = [];
    await emulator.close();
  });

  it.each([
    ['no status', kustomization('no-status', undefined), 'Progressing'],
    [
      'a status that is no object',
      kustomization('string-status', 'broken'),
      'Unknown',
    ],
    [
      'unknown conditions',
      kustomization('unknown', {
        conditions: [{ type: 'Frobnicated', status: 'Maybe' }],
      }),
      'Degraded',
    ],
    [
      'conflicting conditions',
      kustomization('conflict', {
        conditions: [
          { type: 'Ready', status: 'True', reason: 'Done' },
          { type: 'Ready', status: 'False', reason: 'Failed' },
          { type: 'Reconciling', status: 'True' },
        ],
      }),
      'Healthy',
    ],
    ['a huge status', huge, 'Degraded'],
  ])('survives an object with %s', async (_name, object, health) => {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    const started = watcherFor(dev);
    watchers.push(started.watcher);
    started.watcher.start();
    await waitFor('watching', () =>
      started.watcher
        .state()
        .kinds.some(k => k.kind === 'Kustomization' && k.state === 'watching'),
    );
    dev.apply(object as any);
    const name = (object as any).metadata.name;
    const record = await waitFor(`${name} cached`, () =>
      started.cache.all().find(r => r.name === name),
    );
    expect(record.health.status).toBe(health);
    expect(record.health.message?.length ?? 0).toBeLessThanOrEqual(4096);
    dev.apply(application('after'));
    await waitFor('later objects still arrive', () =>
      started.cache.get('dev/argoproj.io/Application/argocd/after'),
    );
  });

  it('keeps updating one cluster while another hangs', async () => {
    emulator = await startClusters(['dev', 'prod']);
    const cache = createObjectCache();
    const prod = emulator.cluster('prod');
    prod.addFault({ type: 'latency', ms: 600_000 }); // every prod request hangs
    const dev = emulator.cluster('dev');
    dev.apply(application('shop'));
    for (const cluster of [prod, dev]) {
      const { watcher } = watcherFor(cluster, {}, cache);
      watchers.push(watcher);
      watcher.start();
    }
    await waitFor('dev listed', () =>
      cache.get('dev/argoproj.io/Application/argocd/shop'),
    );
    dev.apply(application('shop', { health: 'Degraded' }));
    await waitFor(
      'dev changes',
      () =>
        cache.get('dev/argoproj.io/Application/argocd/shop')?.health.status ===
        'Degraded',
    );
    expect(watchers[0].state().kinds).toEqual([]); // prod still waiting for discovery
  });

  it('keeps updating one cluster while another is down', async () => {
    emulator = await startClusters(['dev', 'prod']);
    const cache = createObjectCache();
    await emulator.cluster('prod').stop();
    const dev = emulator.cluster('dev');
    const started = [emulator.cluster('prod'), dev].map(
      cluster => watcherFor(cluster, {}, cache).watcher,
    );
    watchers.push(...started);
    started.forEach(w => w.start());
    dev.apply(application('shop'));
    await waitFor('dev listed', () =>
      cache.get('dev/argoproj.io/Application/argocd/shop'),
    );
    await waitFor(
      'prod unreachable',
      () => started[0].state().state === 'unreachable',
    );
    expect(cache.all().map(r => r.cluster)).toEqual(['dev']);
  });
});
