import { KubeEmulator } from '@internal/kube-emulator';
import {
  application,
  startClusters,
  watcherFor,
} from '../../__testUtils__/clusters';
import { waitFor } from '../../__testUtils__/waitFor';
import { ClusterWatcher } from './types';

describe('ClusterWatcher list and watch', () => {
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

  const key = (name: string) => `dev/argoproj.io/Application/argocd/${name}`;

  it('lists existing objects into the cache', async () => {
    const dev = emulator.cluster('dev');
    dev.apply([
      application('shop'),
      application('cart', { health: 'Degraded' }),
    ]);
    const started = watcherFor(dev);
    watcher = started.watcher;
    watcher.start();
    const cart = await waitFor('cart in the cache', () =>
      started.cache.get(key('cart')),
    );
    expect(cart.health.status).toBe('Degraded');
    expect(started.cache.get(key('shop'))?.environment).toBe('dev');
  });

  it.each([
    [
      'ADDED',
      (dev: any) => dev.apply(application('new-app')),
      'new-app',
      'Healthy',
    ],
    [
      'MODIFIED',
      (dev: any) => dev.apply(application('shop', { health: 'Degraded' })),
      'shop',
      'Degraded',
    ],
    [
      'DELETED',
      (dev: any) =>
        dev.remove('argoproj.io/v1alpha1', 'Application', 'shop', 'argocd'),
      'shop',
      undefined,
    ],
  ])('applies a watch %s event', async (_type, change, name, health) => {
    const dev = emulator.cluster('dev');
    dev.apply(application('shop'));
    const started = watcherFor(dev);
    watcher = started.watcher;
    watcher.start();
    await waitFor('shop listed', () => started.cache.get(key('shop')));
    await waitFor(
      'watching',
      () =>
        watcher!.state().kinds.find(k => k.kind === 'Application')?.state ===
        'watching',
    );
    change(dev);
    await waitFor(
      `${name} is ${health}`,
      () => started.cache.get(key(name))?.health.status === health,
    );
    expect(started.cache.get(key(name))?.health.status).toBe(health);
  });

  const ready = {
    conditions: [{ type: 'Ready', status: 'True', reason: 'Succeeded' }],
  };
  it.each([
    [
      'argoproj.io/v1alpha1',
      'ApplicationSet',
      'argocd',
      { conditions: [{ type: 'ResourcesUpToDate', status: 'True' }] },
      'argocd',
    ],
    [
      'argoproj.io/v1alpha1',
      'Rollout',
      'shop',
      { phase: 'Healthy' },
      'argo-rollouts',
    ],
    [
      'kustomize.toolkit.fluxcd.io/v1',
      'Kustomization',
      'flux-system',
      ready,
      'flux',
    ],
    ['helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'flux-system', ready, 'flux'],
    [
      'source.toolkit.fluxcd.io/v1',
      'GitRepository',
      'flux-system',
      ready,
      'flux',
    ],
    [
      'source.toolkit.fluxcd.io/v1',
      'OCIRepository',
      'flux-system',
      ready,
      'flux',
    ],
    [
      'source.toolkit.fluxcd.io/v1',
      'HelmRepository',
      'flux-system',
      ready,
      'flux',
    ],
  ])('watches %s %s', async (apiVersion, kind, namespace, status, engine) => {
    const dev = emulator.cluster('dev');
    dev.apply({
      apiVersion,
      kind,
      metadata: { name: 'x', namespace },
      spec: {},
      status,
    });
    const started = watcherFor(dev);
    watcher = started.watcher;
    watcher.start();
    const group = apiVersion.split('/')[0];
    const record = await waitFor(`${kind} cached`, () =>
      started.cache.get(`dev/${group}/${kind}/${namespace}/x`),
    );
    expect(record.engine).toBe(engine);
    expect(record.apiVersion).toBe(apiVersion);
  });
});
