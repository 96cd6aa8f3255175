import { Harness, startHarness, waitFor } from './__testUtils__/harness';
import {
  recordWatch,
  RecordedWatch,
  summarize,
} from './__testUtils__/watching';
import { gitopsCrds } from './crds';

const CM_PATH = '/api/v1/namespaces/w/configmaps';

function cm(
  name: string,
  data: Record<string, string> = {},
  labels?: Record<string, string>,
) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'w', labels },
    data,
  };
}

describe('watch', () => {
  let h: Harness;
  const watches: RecordedWatch[] = [];
  const watch = async (
    path: string,
    query: Record<string, string | number | boolean> = {},
  ) => {
    const w = await recordWatch(h.kc, path, query);
    watches.push(w);
    return w;
  };

  beforeEach(async () => {
    h = await startHarness({ historySize: 5, bookmarkIntervalMs: 50 });
  });
  afterEach(async () => {
    watches.splice(0).forEach(w => w.stop());
    await h.emulator.close();
  });

  it('reports ADDED, MODIFIED and DELETED in order', async () => {
    const w = await watch(CM_PATH);
    h.cluster.apply(cm('a'));
    h.cluster.apply(cm('a', { k: 'v' }));
    h.cluster.remove('v1', 'ConfigMap', 'a', 'w');
    await waitFor('three events', () => w.events.length >= 3);
    expect(summarize(w.events)).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('sends objects with kind, apiVersion and their new resourceVersion', async () => {
    const w = await watch(CM_PATH);
    const [applied] = h.cluster.apply(cm('a'));
    await waitFor('an event', () => w.events.length >= 1);
    expect(w.events[0].object).toMatchObject({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { resourceVersion: applied.metadata.resourceVersion },
    });
  });

  it('starts with synthetic ADDED events for existing objects when no resourceVersion is given', async () => {
    h.cluster.apply([cm('a'), cm('b')]);
    const w = await watch(CM_PATH);
    await waitFor('two events', () => w.events.length >= 2);
    expect(summarize(w.events)).toEqual(['ADDED a', 'ADDED b']);
  });

  it('replays the changes after a given resourceVersion', async () => {
    const [a] = h.cluster.apply(cm('a'));
    h.cluster.apply(cm('b'));
    h.cluster.apply(cm('a', { k: 'v' }));
    const w = await watch(CM_PATH, {
      resourceVersion: a.metadata.resourceVersion!,
    });
    await waitFor('two events', () => w.events.length >= 2);
    expect(summarize(w.events)).toEqual(['ADDED b', 'MODIFIED a']);
  });

  it('only reports objects of the watched namespace and kind', async () => {
    const w = await watch(CM_PATH);
    h.cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'other-ns', namespace: 'x' },
    });
    h.cluster.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'secret', namespace: 'w' },
    });
    h.cluster.apply(cm('mine'));
    await waitFor('an event', () => w.events.length >= 1);
    expect(summarize(w.events)).toEqual(['ADDED mine']);
  });

  it('watches a kind across namespaces on the cluster-wide path', async () => {
    const w = await watch('/api/v1/configmaps');
    h.cluster.apply([
      cm('a'),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'b', namespace: 'x' },
      },
    ]);
    await waitFor('two events', () => w.events.length >= 2);
    expect(summarize(w.events)).toEqual(
      expect.arrayContaining(['ADDED a', 'ADDED b']),
    );
  });

  it('turns label changes into ADDED/DELETED for a label-selector watch', async () => {
    const w = await watch(CM_PATH, { labelSelector: 'app=web' });
    h.cluster.apply(cm('a', {}, { app: 'web' }));
    h.cluster.apply(cm('a', {}, { app: 'api' }));
    h.cluster.apply(cm('a', {}, { app: 'web' }));
    await waitFor('three events', () => w.events.length >= 3);
    expect(summarize(w.events)).toEqual(['ADDED a', 'DELETED a', 'ADDED a']);
  });

  it('sends BOOKMARK events with only a resourceVersion when allowed', async () => {
    const [applied] = h.cluster.apply(cm('a'));
    const w = await watch(CM_PATH, {
      allowWatchBookmarks: true,
      resourceVersion: applied.metadata.resourceVersion!,
    });
    await waitFor('a bookmark', () =>
      w.events.some(e => e.type === 'BOOKMARK'),
    );
    const bookmark = w.events.find(e => e.type === 'BOOKMARK')!;
    expect(bookmark.object).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { resourceVersion: applied.metadata.resourceVersion },
    });
  });

  it('sends no BOOKMARK events unless asked', async () => {
    const w = await watch(CM_PATH);
    const probe = await watch(CM_PATH, { allowWatchBookmarks: true });
    await waitFor(
      'the probe to get two bookmarks',
      () => probe.events.filter(e => e.type === 'BOOKMARK').length >= 2,
    );
    expect(w.events.filter(e => e.type === 'BOOKMARK')).toEqual([]);
  });

  it('answers a watch from a compacted resourceVersion with an ERROR 410 event and ends the stream', async () => {
    const [a] = h.cluster.apply(cm('a'));
    for (let i = 0; i < 300; i++) h.cluster.apply(cm('a', { i: String(i) })); // overflows historySize 5
    const w = await watch(CM_PATH, {
      resourceVersion: a.metadata.resourceVersion!,
    });
    await waitFor('the stream to end', () => w.ended);
    expect(w.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
        }),
      },
    ]);
  });

  it('answers a resume after compact() with an ERROR 410 event', async () => {
    const [a] = h.cluster.apply(cm('a'));
    h.cluster.apply(cm('b'));
    h.cluster.compact();
    const w = await watch(CM_PATH, {
      resourceVersion: a.metadata.resourceVersion!,
    });
    await waitFor('the stream to end', () => w.ended);
    expect(w.events.map(e => `${e.type} ${e.object.code}`)).toEqual([
      'ERROR 410',
    ]);
  });

  it('resumes from the current resourceVersion after compact() without error', async () => {
    const [b] = h.cluster.apply(cm('b'));
    h.cluster.compact();
    const w = await watch(CM_PATH, {
      resourceVersion: b.metadata.resourceVersion!,
    });
    h.cluster.apply(cm('c'));
    await waitFor('an event', () => w.events.length >= 1);
    expect(summarize(w.events)).toEqual(['ADDED c']);
  });

  it('ends the stream cleanly after timeoutSeconds', async () => {
    const w = await watch(CM_PATH, { timeoutSeconds: 1 });
    await waitFor('the stream to end', () => w.ended);
    expect(w.ended?.error).toBeNull();
  });

  it('watches custom resources', async () => {
    h.cluster.apply(gitopsCrds());
    const w = await watch(
      '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations',
    );
    h.cluster.apply({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system' },
    });
    await waitFor('an event', () => w.events.length >= 1);
    expect(w.events[0]).toMatchObject({
      type: 'ADDED',
      object: { kind: 'Kustomization', metadata: { name: 'apps' } },
    });
  });
});
