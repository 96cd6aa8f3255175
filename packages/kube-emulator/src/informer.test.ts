import {
  Informer,
  makeInformer,
  ObjectCache,
  V1ConfigMap,
} from '@kubernetes/client-node';
import { Harness, startHarness, waitFor } from './__testUtils__/harness';

const PATH = '/api/v1/namespaces/inf/configmaps';

function cm(name: string, data: Record<string, string> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'inf' },
    data,
  };
}

interface Running {
  informer: Informer<V1ConfigMap> & ObjectCache<V1ConfigMap>;
  listCalls: () => number;
  deleted: string[];
  stop: () => Promise<void>;
}

/** An informer that restarts itself after errors, as a long-running consumer would. */
async function startInformer(h: Harness): Promise<Running> {
  let lists = 0;
  let stopped = false;
  const informer = makeInformer<V1ConfigMap>(h.kc, PATH, () => {
    lists++;
    return h.core.listNamespacedConfigMap({ namespace: 'inf' });
  });
  const deleted: string[] = [];
  informer.on('delete', obj => deleted.push(obj.metadata!.name!));
  informer.on('error', () => {
    if (!stopped) setTimeout(() => !stopped && informer.start(), 50);
  });
  await informer.start();
  return {
    informer,
    listCalls: () => lists,
    deleted,
    stop: async () => {
      stopped = true;
      await informer.stop();
    },
  };
}

const names = (r: Running) =>
  r.informer
    .list('inf')
    .map(o => o.metadata!.name!)
    .sort();

describe('informer (makeInformer)', () => {
  let h: Harness;
  let running: Running | undefined;
  beforeEach(async () => {
    h = await startHarness();
    h.cluster.apply([cm('a'), cm('b'), cm('c')]);
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await h.emulator.close();
  });

  it('lists the existing objects and follows changes', async () => {
    running = await startInformer(h);
    await waitFor('the initial list', () => names(running!).length === 3);
    h.cluster.apply(cm('d'));
    h.cluster.remove('v1', 'ConfigMap', 'a', 'inf');
    h.cluster.apply(cm('b', { k: 'v' }));
    await waitFor(
      'the changes',
      () =>
        names(running!).join() === 'b,c,d' &&
        running!.informer.get('b', 'inf')?.data?.k === 'v',
    );
    expect(running.deleted).toEqual(['a']);
  });

  it('relists after a 410 and ends with exactly the right objects when changes happened while disconnected', async () => {
    running = await startInformer(h);
    await waitFor('the initial list', () => names(running!).length === 3);
    await h.cluster.stop();
    h.cluster.remove('v1', 'ConfigMap', 'b', 'inf');
    h.cluster.apply([cm('d'), cm('a', { changed: 'yes' })]);
    h.cluster.compact();
    await h.cluster.start();
    await waitFor(
      'the informer to catch up',
      () => names(running!).join() === 'a,c,d',
    );
    expect(running.informer.get('a', 'inf')?.data).toEqual({ changed: 'yes' });
    expect(running.deleted).toEqual(['b']);
    expect(running.listCalls()).toBe(2); // the 410 forced exactly one relist
  });

  it('resumes from its resourceVersion without relisting when the history covers the gap', async () => {
    running = await startInformer(h);
    await waitFor('the initial list', () => names(running!).length === 3);
    await h.cluster.stop();
    h.cluster.remove('v1', 'ConfigMap', 'c', 'inf');
    h.cluster.apply(cm('e'));
    await h.cluster.start();
    await waitFor(
      'the informer to catch up',
      () => names(running!).join() === 'a,b,e',
    );
    expect(running.listCalls()).toBe(1);
  });
});
