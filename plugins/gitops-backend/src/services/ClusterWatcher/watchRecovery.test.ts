import { KubeEmulator } from '@internal/kube-emulator';
import {
  application,
  startClusters,
  watcherFor,
} from '../../__testUtils__/clusters';
import { waitFor } from '../../__testUtils__/waitFor';
import { CacheChange } from '../ObjectCache';
import { ClusterWatcher } from './types';

const APP = 'argoproj.io/v1alpha1';
const key = (name: string) => `dev/argoproj.io/Application/argocd/${name}`;
const apps = { group: 'argoproj.io', resource: 'applications' };

describe('ClusterWatcher recovery', () => {
  let emulator: KubeEmulator;
  let watchers: ClusterWatcher[] = [];

  afterEach(async () => {
    await Promise.all(watchers.map(w => w.stop()));
    watchers = [];
    await emulator.close();
  });

  async function start(options: Parameters<typeof startClusters>[1] = {}) {
    emulator = await startClusters(['dev'], options);
    return emulator.cluster('dev');
  }

  function watch(...args: Parameters<typeof watcherFor>) {
    const started = watcherFor(...args);
    watchers.push(started.watcher);
    started.watcher.start();
    return started;
  }

  const kindState = (watcher: ClusterWatcher, kind: string) =>
    watcher.state().kinds.find(k => k.kind === kind);

  it('relists after a 410 Expired on resume and deletes vanished objects', async () => {
    const dev = await start();
    dev.apply([application('shop'), application('cart')]);
    const { watcher, cache } = watch(dev);
    await waitFor('cart listed', () => cache.get(key('cart')));
    const deleted: string[] = [];
    cache.subscribe((changes: CacheChange[]) => {
      for (const c of changes) if (!c.current) deleted.push(c.key);
    });

    await dev.stop(); // cuts the watches: the changes below are never streamed
    dev.remove(APP, 'Application', 'shop', 'argocd');
    dev.apply(application('cart', { health: 'Degraded' }));
    dev.compact(); // the watch resume now answers ERROR 410 Expired
    await dev.start();

    await waitFor(
      'cart degraded after the relist',
      () => cache.get(key('cart'))?.health.status === 'Degraded',
    );
    expect(cache.get(key('shop'))).toBeUndefined();
    expect(deleted).toEqual([key('shop')]);
    expect(kindState(watcher, 'Application')?.state).toBe('watching');
  });

  it('restarts a paginated list whose continue token expired and lists every object', async () => {
    const dev = await start({ continueTokenTtlMs: 1_000 });
    dev.apply(['a', 'b', 'c'].map(name => application(name)));
    // The second page request waits past the token's TTL: 410 on continue.
    dev.addFault({
      type: 'latency',
      ms: 1_500,
      times: 2,
      match: { ...apps, verb: 'list' },
    });
    const listed: string[] = [];
    const { watcher, cache } = watcherFor(dev, { pageSize: 1 });
    cache.subscribe(changes => listed.push(...changes.map(c => c.key)));
    watchers.push(watcher);
    watcher.start();
    await waitFor(
      'all three listed',
      () => cache.kindSize('dev|argoproj.io|Application') === 3,
    );
    // The first page went in before the token expired and again with the restarted list.
    expect(listed).toEqual(['a', 'a', 'b', 'c'].map(key));
  });

  it('restarts a watch that went silent', async () => {
    const dev = await start();
    dev.apply(application('shop'));
    dev.addFault({ type: 'silent-watch', times: 1, match: apps });
    const { cache } = watch(dev, { idleTimeoutMs: 1_000 });
    await waitFor('shop listed', () => cache.get(key('shop')));
    dev.apply(application('shop', { health: 'Degraded' })); // streamed only after the restart
    await waitFor(
      'the change after the restart',
      () => cache.get(key('shop'))?.health.status === 'Degraded',
    );
    expect(cache.kindSize('dev|argoproj.io|Application')).toBe(1);
  });

  it.each(['watch', 'list'] as const)(
    'recovers from a dropped connection on %s',
    async verb => {
      const dev = await start();
      dev.apply(application('shop'));
      dev.addFault({
        type: 'drop-connection',
        times: 1,
        match: { ...apps, verb },
      });
      const { cache } = watch(dev);
      await waitFor('shop listed', () => cache.get(key('shop')));
      dev.apply(application('shop', { health: 'Degraded' }));
      await waitFor(
        'the change after reconnecting',
        () => cache.get(key('shop'))?.health.status === 'Degraded',
      );
      expect(cache.kindSize('dev|argoproj.io|Application')).toBe(1);
    },
  );

  it('reports a cluster whose one kind cannot connect as degraded', async () => {
    const dev = await start();
    dev.addFault({ type: 'drop-connection', match: apps });
    const { watcher } = watch(dev);
    await waitFor(
      'Application failing',
      () => kindState(watcher, 'Application')?.state === 'error',
    );
    const state = await waitFor('degraded', () =>
      watcher.state().state === 'degraded' ? watcher.state() : undefined,
    );
    expect(state.message).toMatch(/^Application: /);
    expect(kindState(watcher, 'Kustomization')?.state).toBe('watching');
  });

  it("keeps a dead cluster's objects, marked stale, and recovers", async () => {
    const dev = await start();
    dev.apply(application('shop'));
    let staleAnnounced = false;
    const { watcher, cache } = watch(dev, {
      staleAfterMs: 200,
      onStateChange: () => {
        if (watcher.state().staleSince) staleAnnounced = true;
      },
    });
    await waitFor('shop listed', () => cache.get(key('shop')));
    await waitFor('ok', () => watcher.state().state === 'ok');

    await dev.stop();
    const down = await waitFor('stale', () => {
      const state = watcher.state();
      return state.state === 'unreachable' && state.staleSince
        ? state
        : undefined;
    });
    expect(watcher.staleSince()).toBeDefined();
    expect(down.lastContact).toBe(down.staleSince);
    expect(cache.get(key('shop'))?.health.status).toBe('Healthy'); // last known, not lost
    await waitFor(
      'a state change when the data turned stale',
      () => staleAnnounced,
    );

    await dev.start();
    await waitFor('ok again', () => watcher.state().state === 'ok');
    expect(watcher.state().staleSince).toBeUndefined();
    dev.apply(application('shop', { health: 'Degraded' }));
    await waitFor(
      'changes flow again',
      () => cache.get(key('shop'))?.health.status === 'Degraded',
    );
  });

  it('reports unauthorized after the token changes', async () => {
    const dev = await start();
    dev.apply(application('shop'));
    const { watcher, cache } = watch(dev, { watchTimeoutSeconds: 1 });
    await waitFor('shop listed', () => cache.get(key('shop')));
    dev.setToken('rotated-token');
    watcher.rediscover();
    const state = await waitFor('unauthorized', () =>
      watcher.state().state === 'unauthorized' ? watcher.state() : undefined,
    );
    expect(state.message).toMatch(/Unauthorized/);
    expect(JSON.stringify(state)).not.toContain('rotated-token');
    expect(cache.get(key('shop'))).toBeDefined();
  });

  it('marks a kind answering 403 forbidden while the others keep working', async () => {
    const dev = await start();
    dev.addFault({
      type: 'status',
      status: 403,
      match: { group: 'source.toolkit.fluxcd.io', resource: 'gitrepositories' },
    });
    dev.apply(application('shop'));
    const { watcher, cache } = watch(dev);
    await waitFor(
      'GitRepository forbidden',
      () => kindState(watcher, 'GitRepository')?.state === 'forbidden',
    );
    expect(watcher.state().state).toBe('degraded');
    expect(kindState(watcher, 'Application')?.state).toBe('watching');
    dev.apply(application('shop', { health: 'Degraded' }));
    await waitFor(
      'Application changes still flow',
      () => cache.get(key('shop'))?.health.status === 'Degraded',
    );
  });

  it.each([500, 503] as const)(
    'retries a list answering %s until it succeeds',
    async status => {
      const dev = await start();
      dev.apply(application('shop'));
      dev.addFault({
        type: 'status',
        status,
        times: 3,
        match: { ...apps, verb: 'list' },
      });
      const states: string[] = [];
      const { watcher, cache } = watch(dev, {
        onStateChange: () => {
          const state = kindState(watcher, 'Application')?.state;
          if (state && states[states.length - 1] !== state) states.push(state);
        },
      });
      await waitFor('listed after the failures', () => cache.get(key('shop')));
      // The kind reads 'watching' from its start (seen when the cluster's absent kinds are first reported): from the
      // failure on it must go to 'error' and back, once.
      expect(states.slice(states.indexOf('error'))).toEqual([
        'error',
        'watching',
      ]);
      expect(watcher.state().state).toBe('ok');
    },
  );

  it('waits for Retry-After after a 429', async () => {
    const dev = await start();
    dev.apply(application('shop'));
    dev.addFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 3,
      times: 1,
      match: { ...apps, verb: 'list' },
    });
    const messages: string[] = [];
    const { watcher, cache } = watch(dev, {
      onStateChange: () => {
        const message = kindState(watcher, 'Application')?.message;
        if (message && messages[messages.length - 1] !== message)
          messages.push(message);
      },
    });
    await waitFor('throttled', () =>
      messages.some(m => m.startsWith('Throttled')),
    );
    // Added after the 429: only a client that waits for Retry-After (instead
    // of retrying within its ~20 ms test backoff) still finds this fault.
    dev.addFault({
      type: 'status',
      status: 500,
      times: 1,
      match: { ...apps, verb: 'list' },
    });
    await waitFor('listed after both faults', () => cache.get(key('shop')));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^Throttled/);
    expect(messages[1]).not.toMatch(/^Throttled/);
  });
});
