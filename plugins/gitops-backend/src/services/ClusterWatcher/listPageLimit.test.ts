import { KubeEmulator } from '@internal/kube-emulator';
import {
  application,
  startClusters,
  watcherFor,
} from '../../__testUtils__/clusters';
import { waitFor } from '../../__testUtils__/waitFor';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pLimit from 'p-limit';
import {
  createListPageLimit,
  createTaskLimit,
  TaskLimit,
} from './listPageLimit';
import { ClusterWatcher } from './types';

/** A task that runs until the test settles it. */
function deferredTask() {
  let resolve: (value: string) => void = () => {};
  let markStarted: () => void = () => {};
  const started = new Promise<void>(r => {
    markStarted = r;
  });
  const run = () =>
    new Promise<string>(r => {
      resolve = r;
      markStarted();
    });
  return { run, started, resolve: (value: string) => resolve(value) };
}

/** Wraps a limit to record how many of its tasks run at once. */
function counted(limit: TaskLimit) {
  const seen = { active: 0, max: 0, tasks: 0 };
  const wrapped: TaskLimit = task =>
    limit(async () => {
      seen.tasks++;
      seen.max = Math.max(seen.max, ++seen.active);
      try {
        return await task();
      } finally {
        seen.active--;
      }
    });
  return { limit: wrapped, seen };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

describe('createListPageLimit', () => {
  it.each([1, 2, 3])(
    'runs at most %i tasks at once, in arrival order',
    async concurrency => {
      const { limit, seen } = counted(createListPageLimit({ concurrency }));
      const tasks = Array.from({ length: 6 }, deferredTask);
      const order: number[] = [];
      const results = tasks.map((task, i) =>
        limit(() => {
          order.push(i);
          return task.run();
        }),
      );
      for (const [i, task] of tasks.entries()) {
        await flush();
        // Every slot is busy while enough tasks wait.
        expect(seen.active).toBe(Math.min(concurrency, tasks.length - i));
        await task.started;
        task.resolve('done');
      }
      await expect(Promise.all(results)).resolves.toHaveLength(6);
      expect(seen.max).toBe(concurrency);
      expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    },
  );

  it('frees the slot of a failed task', async () => {
    const limit = createListPageLimit({ concurrency: 1 });
    const failing = limit(() => Promise.reject(new Error('boom')));
    const next = limit(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('lets the next task start once a slow task held its slot for maxHoldMs', async () => {
    const limit = createListPageLimit({ concurrency: 1, maxHoldMs: 1 });
    const slow = deferredTask();
    const slowResult = limit(slow.run);
    const next = deferredTask();
    const nextResult = limit(next.run);
    await next.started; // while the slow task is still running
    next.resolve('next');
    await expect(nextResult).resolves.toBe('next');
    slow.resolve('slow');
    await expect(slowResult).resolves.toBe('slow');
  });
});

/** A full collection of the heap, from a test (jest does not run with --expose-gc). */
function collectGarbage() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Whether a limit still references the result of the last task it ran (a whole list page, for a watcher). */
async function keepsLastResult(limit: TaskLimit) {
  const ref = await limit(async () => ({ items: new Array(1000) })).then(
    page => new WeakRef(page),
  );
  // WeakRef targets stay alive until the current job ends.
  await new Promise(resolve => setImmediate(resolve));
  collectGarbage();
  return ref.deref() !== undefined;
}

describe('createTaskLimit', () => {
  it.each<[string, boolean, () => TaskLimit]>([
    ['createTaskLimit', false, () => createTaskLimit({ concurrency: 4 })],
    ['createListPageLimit', false, () => createListPageLimit()],
    // Why the watchers do not use p-limit 3: its queue keeps the last task it ran.
    ['p-limit 3', true, () => pLimit(4)],
  ])('%s keeps its last result alive: %s', async (_name, kept, make) => {
    const limit = make();
    expect(await keepsLastResult(limit)).toBe(kept);
  });
});

describe('ClusterWatcher with a shared list page limit', () => {
  let emulator: KubeEmulator;
  const watchers: ClusterWatcher[] = [];

  afterEach(async () => {
    await Promise.all(watchers.splice(0).map(watcher => watcher.stop()));
    await emulator.close();
  });

  it('lists every page of every cluster through the shared limit', async () => {
    emulator = await startClusters(['dev', 'prod']);
    const { limit, seen } = counted(createListPageLimit({ concurrency: 1 }));
    const caches = ['dev', 'prod'].map(name => {
      const cluster = emulator.cluster(name);
      cluster.apply(['a', 'b', 'c'].map(app => application(app)));
      const started = watcherFor(cluster, {
        listPageLimit: limit,
        pageSize: 1, // three pages per cluster
      });
      watchers.push(started.watcher);
      started.watcher.start();
      return started.cache;
    });
    await waitFor('both clusters listed', () =>
      caches.every(cache => cache.all().length === 3),
    );
    expect(seen.max).toBe(1);
    // Three Application pages per cluster at least (other kinds and CRDs list through it too).
    expect(seen.tasks).toBeGreaterThanOrEqual(6);
  });
});
