import { gitopsCrds, KubeEmulator } from '@internal/kube-emulator';
import {
  application,
  startClusters,
  watcherFor,
} from '../../__testUtils__/clusters';
import {
  databaseClaim,
  databaseClaimCrd,
  databaseCompositeCrd,
  databaseXrd,
} from '../../__testUtils__/fixtures';
import { waitFor } from '../../__testUtils__/waitFor';
import { ClusterWatcher } from './types';

const claimKey = (name: string) =>
  `dev/platform.example.org/Database/default/${name}`;

describe('ClusterWatcher discovery', () => {
  let emulator: KubeEmulator;
  let watcher: ClusterWatcher | undefined;

  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
    await emulator.close();
  });

  const kindState = (kind: string) =>
    watcher?.state().kinds.find(k => k.kind === kind)?.state;

  it('skips kinds whose CRD is absent and picks them up when the CRD watch sees them', async () => {
    emulator = await startClusters(['dev'], { crds: false });
    const dev = emulator.cluster('dev');
    // A long interval: only the CRD watch event can trigger the rediscovery.
    const started = watcherFor(dev, { discoveryIntervalMs: 600_000 });
    watcher = started.watcher;
    watcher.start();
    await waitFor(
      'Application absent',
      () => kindState('Application') === 'absent',
    );
    expect(watcher.state().state).toBe('ok');

    dev.apply(gitopsCrds());
    dev.apply(application('shop'));
    await waitFor('shop after the CRD appeared', () =>
      started.cache.get('dev/argoproj.io/Application/argocd/shop'),
    );
    expect(kindState('Application')).toBe('watching');
  });

  it('watches the claims an XRD defines as soon as the XRD changes', async () => {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    dev.apply(databaseClaimCrd());
    // A long interval: only the XRD watch event can trigger the rediscovery.
    const started = watcherFor(dev, { discoveryIntervalMs: 600_000 });
    watcher = started.watcher;
    watcher.start();
    await waitFor(
      'XRDs watched',
      () => kindState('CompositeResourceDefinition') === 'watching',
    );
    expect(kindState('Database')).toBeUndefined();

    dev.apply(databaseXrd());
    dev.apply(databaseClaim('orders-db', 'False'));
    const claim = await waitFor('the claim', () =>
      started.cache.get(claimKey('orders-db')),
    );
    expect(claim).toMatchObject({
      engine: 'crossplane',
      crossplane: { role: 'claim' },
    });
    expect(kindState('Database')).toBe('watching');
    expect(kindState('XDatabase')).toBe('absent'); // no CRD for the composite
    expect(watcher.xrds().map(x => x.claimKind)).toEqual(['Database']);
  });

  it('watches composites with the composite role', async () => {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    dev.apply([databaseCompositeCrd(), databaseXrd()]);
    dev.apply({
      apiVersion: 'platform.example.org/v1alpha1',
      kind: 'XDatabase',
      metadata: { name: 'orders-db-x7k2p' },
      spec: { resourceRefs: [] },
      status: {
        conditions: [{ type: 'Ready', status: 'True', reason: 'Available' }],
      },
    });
    const started = watcherFor(dev);
    watcher = started.watcher;
    watcher.start();
    const composite = await waitFor('the composite', () =>
      started.cache.get('dev/platform.example.org/XDatabase//orders-db-x7k2p'),
    );
    expect(composite.crossplane?.role).toBe('composite');
    expect(composite.health.status).toBe('Healthy');
  });

  it('drops the objects of a kind whose CRD was removed', async () => {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    dev.apply([
      databaseClaimCrd(),
      databaseXrd(),
      databaseClaim('orders-db', 'True'),
    ]);
    const started = watcherFor(dev, { discoveryIntervalMs: 600_000 });
    watcher = started.watcher;
    watcher.start();
    await waitFor('the claim', () => started.cache.get(claimKey('orders-db')));
    dev.remove(
      'apiextensions.k8s.io/v1',
      'CustomResourceDefinition',
      'databases.platform.example.org',
    );
    await waitFor('Database absent', () => kindState('Database') === 'absent');
    expect(started.cache.get(claimKey('orders-db'))).toBeUndefined();
  });

  it('polls discovery at the fallback interval when CRDs cannot be watched', async () => {
    emulator = await startClusters(['dev'], { crds: false });
    const dev = emulator.cluster('dev');
    dev.addFault({
      type: 'status',
      status: 403,
      match: {
        group: 'apiextensions.k8s.io',
        resource: 'customresourcedefinitions',
      },
    });
    const started = watcherFor(dev, {
      discoveryIntervalMs: 600_000,
      discoveryFallbackIntervalMs: 300,
    });
    watcher = started.watcher;
    watcher.start();
    await waitFor(
      'Application absent',
      () => kindState('Application') === 'absent',
    );

    dev.apply(gitopsCrds());
    dev.apply(application('shop'));
    await waitFor('shop after the next discovery poll', () =>
      started.cache.get('dev/argoproj.io/Application/argocd/shop'),
    );
    // The forbidden CRD watch is the watcher's own business, not a degraded cluster.
    expect(watcher.state().state).toBe('ok');
  });
});
