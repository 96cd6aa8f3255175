import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EmulatedCluster, KubeEmulator } from '@internal/kube-emulator';
import { ClusterConfig, ClusterSetChange } from '../../clusters';
import { readGitopsConfig } from '../../config';
import {
  application,
  clusterConfigEntry,
  startClusters,
  TEST_TIMINGS,
} from '../../__testUtils__/clusters';
import { waitFor } from '../../__testUtils__/waitFor';
import { createClusterWatcher } from '../../services/ClusterWatcher';
import { createEntityIndex } from '../../services/EntityIndex';
import { HistoryStore } from '../../services/HistoryStore';
import { CacheChange, createObjectCache } from '../../services/ObjectCache';
import { createLocalReconciler } from './createLocalReconciler';

/** History is not under test here; an empty store. */
const noHistory: HistoryStore = {
  record: async () => {},
  lastStates: async () => new Map(),
  query: async () => [],
  prune: async () => 0,
};

/** The ClusterConfig the config reader builds for an emulated cluster. */
const configOf = (cluster: EmulatedCluster, environment?: string) =>
  readGitopsConfig(
    new ConfigReader({
      gitops: { clusters: [clusterConfigEntry(cluster, environment)] },
    }),
  ).clusters[0];

describe('createLocalReconciler with a changing cluster set', () => {
  let emulator: KubeEmulator;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    emulator = await startClusters(['dev', 'staging']);
    for (const cluster of emulator.clusters) {
      cluster.apply([application(`shop-${cluster.name}`)]);
    }
  });

  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  afterAll(async () => {
    await emulator?.close();
  });

  /** A reconciler started on `initial`, and the set's changes to announce as the ClusterSource would. */
  function start(initial: ClusterConfig[]) {
    const listeners: Array<(change: ClusterSetChange) => void> = [];
    const cache = createObjectCache();
    const deletions: CacheChange[] = [];
    cache.subscribe(changes =>
      deletions.push(...changes.filter(change => !change.current)),
    );
    const logger = mockServices.logger.mock();
    const reconciler = createLocalReconciler({
      clusters: {
        clusters: () => initial,
        subscribe(listener) {
          listeners.push(listener);
          return () => {};
        },
      },
      cache,
      createWatcher: (cluster, target) =>
        createClusterWatcher({
          cluster,
          cache: target,
          logger,
          ...TEST_TIMINGS,
        }),
      entityIndex: createEntityIndex({
        catalog: catalogServiceMock({ entities: [] }),
        auth: mockServices.auth(),
        logger,
        cache,
      }),
      history: noHistory,
      publisher: { changed: () => {} },
    });
    reconciler.start();
    stop = () => reconciler.stop();
    const announce = (change: ClusterSetChange) =>
      listeners.forEach(listener => listener(change));
    const watched = () => reconciler.watchers().map(watcher => watcher.name);
    return { reconciler, cache, deletions, announce, watched };
  }

  it('watches a cluster added at run time', async () => {
    const { reconciler, cache, announce, watched } = start([
      configOf(emulator.cluster('dev')),
    ]);
    announce({ added: [configOf(emulator.cluster('staging'))], removed: [] });
    await waitFor(
      'staging objects',
      () => cache.inCluster('staging').length === 1,
    );
    expect(watched()).toEqual(['dev', 'staging']);
    expect(reconciler.owns('staging')).toBe(true);
  });

  it('stops a removed cluster and drops its objects', async () => {
    const { reconciler, cache, announce, watched } = start([
      configOf(emulator.cluster('dev')),
      configOf(emulator.cluster('staging')),
    ]);
    await waitFor('staging objects', () => cache.inCluster('staging').length);
    announce({ added: [], removed: ['staging'] });
    await waitFor(
      'staging objects dropped',
      () => cache.inCluster('staging').length === 0,
    );
    expect(watched()).toEqual(['dev']);
    expect(reconciler.owns('staging')).toBe(false);
    expect(cache.inCluster('dev')).toHaveLength(1);
  });

  it('restarts a changed cluster with its new settings, keeping its objects', async () => {
    const dev = emulator.cluster('dev');
    const { cache, deletions, announce, watched } = start([
      configOf(dev, 'dev'),
    ]);
    await waitFor('dev objects', () => cache.inCluster('dev').length);
    announce({ added: [configOf(dev, 'development')], removed: ['dev'] });
    await waitFor(
      'dev objects read again with the new environment',
      () => cache.inCluster('dev')[0]?.environment === 'development',
    );
    expect(watched()).toEqual(['dev']);
    expect(deletions).toEqual([]);
  });
});
