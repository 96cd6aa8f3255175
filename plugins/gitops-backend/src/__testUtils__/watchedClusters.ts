import { KubeEmulator } from '@internal/kube-emulator';
import {
  ClusterWatcher,
  ClusterWatcherOptions,
} from '../services/ClusterWatcher';
import { createObjectCache, ObjectCache } from '../services/ObjectCache';
import { startClusters, watcherFor } from './clusters';

/**
 * Emulated clusters started before each test and closed after it, with one object cache per test that every watcher
 * of the test writes to (as the plugin's watchers share one); the watchers a test starts are stopped after it.
 */
export function useWatchedClusters(names: string[]) {
  let emulator: KubeEmulator | undefined;
  let cache: ObjectCache | undefined;
  const watchers: ClusterWatcher[] = [];

  beforeEach(async () => {
    emulator = await startClusters(names);
    cache = createObjectCache();
  });

  afterEach(async () => {
    await Promise.all(watchers.splice(0).map(watcher => watcher.stop()));
    await emulator?.close();
  });

  return {
    get emulator(): KubeEmulator {
      return emulator!;
    },
    get cache(): ObjectCache {
      return cache!;
    },
    /** Starts the watcher of one cluster, writing to the test's cache. */
    watch(name: string, overrides: Partial<ClusterWatcherOptions> = {}) {
      const { watcher } = watcherFor(emulator!.cluster(name), overrides, cache);
      watchers.push(watcher);
      watcher.start();
      return watcher;
    },
    /** Stops one of the test's watchers before the test ends. */
    async stop(watcher: ClusterWatcher) {
      watchers.splice(watchers.indexOf(watcher), 1);
      await watcher.stop();
    },
  };
}
