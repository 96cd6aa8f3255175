import { KubeEmulator, managedResourceCrd } from '@internal/kube-emulator';
import {
  application,
  startClusters,
  watcherFor,
} from '../../__testUtils__/clusters';
import {
  databaseClaimCrd,
  databaseCompositeCrd,
  databaseXrd,
} from '../../__testUtils__/fixtures';
import { waitFor } from '../../__testUtils__/waitFor';
import { ManagedKindsOptions } from './managedKindsConfig';
import { ClusterWatcher } from './types';

const ID = 'backstage.io/kubernetes-id';
const ORDERS = 'component:default/orders';

/** Three managed resource kinds of one made-up provider; only the ones referenced should be watched. */
const PROVIDER = [
  { group: 'sql.example.org', kind: 'Instance', plural: 'instances' },
  { group: 'sql.example.org', kind: 'User', plural: 'users' },
  { group: 'net.example.org', kind: 'Firewall', plural: 'firewalls' },
];

const ref = (kind: string) => {
  const { group } = PROVIDER.find(k => k.kind === kind)!;
  return {
    apiVersion: `${group}/v1beta1`,
    kind,
    name: `orders-db-${kind.toLowerCase()}`,
  };
};

function managedObject(kind: string, ready: 'True' | 'False') {
  const { apiVersion, name } = ref(kind);
  return {
    apiVersion,
    kind,
    metadata: { name, labels: { 'crossplane.io/composite': 'orders-db-x' } },
    spec: { forProvider: {} },
    status: {
      conditions: [
        { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
        { type: 'Ready', status: ready, reason: 'Available' },
      ],
    },
  };
}

/** The composite of the `orders` claim, naming the given managed resources (none: `resourceRefs` absent). */
function composite(kinds: string[], compositionName?: string) {
  return {
    apiVersion: 'platform.example.org/v1alpha1',
    kind: 'XDatabase',
    metadata: { name: 'orders-db-x' },
    spec: {
      claimRef: {
        apiVersion: 'platform.example.org/v1alpha1',
        kind: 'Database',
        name: 'orders-db',
        namespace: 'default',
      },
      ...(compositionName ? { compositionRef: { name: compositionName } } : {}),
      ...(kinds.length > 0 ? { resourceRefs: kinds.map(ref) } : {}),
    },
    status: {
      conditions: [{ type: 'Ready', status: 'True', reason: 'Available' }],
    },
  };
}

const claim = {
  apiVersion: 'platform.example.org/v1alpha1',
  kind: 'Database',
  metadata: {
    name: 'orders-db',
    namespace: 'default',
    labels: { [ID]: 'orders' },
  },
  spec: {
    resourceRef: {
      apiVersion: 'platform.example.org/v1alpha1',
      kind: 'XDatabase',
      name: 'orders-db-x',
    },
  },
  status: {
    conditions: [{ type: 'Ready', status: 'True', reason: 'Available' }],
  },
};

/** A Composition in pipeline mode whose function-patch-and-transform step composes the given kinds. */
function composition(name: string, kinds: string[]) {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1',
    kind: 'Composition',
    metadata: { name },
    spec: {
      compositeTypeRef: {
        apiVersion: 'platform.example.org/v1alpha1',
        kind: 'XDatabase',
      },
      mode: 'Pipeline',
      pipeline: [
        {
          step: 'patch-and-transform',
          functionRef: { name: 'function-patch-and-transform' },
          input: {
            apiVersion: 'pt.fn.crossplane.io/v1beta1',
            kind: 'Resources',
            resources: kinds.map(kind => ({
              name: kind.toLowerCase(),
              base: { apiVersion: ref(kind).apiVersion, kind },
            })),
          },
        },
      ],
    },
  };
}

/** An Argo CD Application deploying to its own cluster that reports the given objects as managed. */
function applicationReporting(
  resources: Array<{
    group: string;
    kind: string;
    name: string;
    namespace?: string;
  }>,
) {
  const app = application('orders-infra') as any;
  app.spec.destination = { server: 'https://kubernetes.default.svc' };
  app.status.resources = resources.map(resource => ({
    version: 'v1',
    ...resource,
    status: 'Synced',
    health: { status: 'Healthy' },
  }));
  return app;
}

function applicationManaging(kind: string) {
  const { group } = PROVIDER.find(k => k.kind === kind)!;
  return applicationReporting([{ group, kind, name: ref(kind).name }]);
}

function deployment(name: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'orders', generation: 1 },
    spec: { replicas: 1 },
    status: {
      observedGeneration: 1,
      replicas: 1,
      updatedReplicas: 1,
      availableReplicas: 1,
    },
  };
}

const CROSSPLANE = [databaseXrd(), databaseClaimCrd(), databaseCompositeCrd()];

describe('ClusterWatcher: managed resource kinds watched on demand', () => {
  let emulator: KubeEmulator;
  let watcher: ClusterWatcher | undefined;

  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
    await emulator.close();
  });

  async function start(objects: unknown[], managedKinds?: ManagedKindsOptions) {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    dev.apply([...CROSSPLANE, ...PROVIDER.map(k => managedResourceCrd(k))]);
    dev.apply(objects as any);
    const started = watcherFor(dev, {
      discoveryIntervalMs: 600_000,
      ...(managedKinds ? { managedKinds } : {}),
    });
    started.cache.setEntityMapping({
      entityRefsFor: match => (match.labels?.[ID] === 'orders' ? [ORDERS] : []),
      teamOf: () => 'group:default/team-a',
    });
    watcher = started.watcher;
    watcher.start();
    return { dev, cache: started.cache };
  }

  const kindState = (kind: string) =>
    watcher?.state().kinds.find(k => k.kind === kind)?.state;

  const watchedManaged = () =>
    PROVIDER.map(k => k.kind)
      .filter(kind => kindState(kind) === 'watching')
      .sort();

  /** Waits until the claim's composite is read: its references are known from then on. */
  const compositeRead = () =>
    waitFor('the composite', () => kindState('XDatabase') === 'watching');

  it.each([
    ['a composite names', [composite(['Instance'])], ['Instance']],
    [
      'a composite names two of',
      [composite(['Instance', 'Firewall'])],
      ['Firewall', 'Instance'],
    ],
    [
      'the Composition in use composes',
      [composite([], 'db'), composition('db', ['User'])],
      ['User'],
    ],
    [
      'an Argo CD Application manages',
      [applicationManaging('Firewall')],
      ['Firewall'],
    ],
  ])(
    'watches only the managed resource kinds %s',
    async (_, objects, expected) => {
      await start([claim, ...objects]);
      await waitFor(`${expected.join(', ')} watched`, () =>
        expected.every(kind => kindState(kind) === 'watching'),
      );
      await compositeRead();
      expect(watchedManaged()).toEqual(expected);
    },
  );

  it('leaves a Composition no claim or composite uses unwatched', async () => {
    await start([
      claim,
      composite(['Instance']),
      composition('other', ['User']),
    ]);
    await waitFor(
      'Instance watched',
      () => kindState('Instance') === 'watching',
    );
    await waitFor(
      'Compositions read',
      () => kindState('Composition') === 'watching',
    );
    expect(watchedManaged()).toEqual(['Instance']);
  });

  it("shows the referenced managed resource's status on the claim's entity", async () => {
    const { cache } = await start([
      claim,
      composite(['Instance']),
      managedObject('Instance', 'False'),
    ]);
    const managed = await waitFor('the managed resource on the entity', () =>
      cache.byEntity(ORDERS).find(o => o.kind === 'Instance'),
    );
    expect(managed).toMatchObject({
      crossplane: { role: 'managed' },
      health: { status: 'Progressing' },
    });
  });

  it('stops the watch and drops its objects when nothing references the kind any more', async () => {
    const { dev, cache } = await start([
      claim,
      composite(['Instance']),
      managedObject('Instance', 'True'),
    ]);
    await waitFor('the managed resource', () =>
      cache.byEntity(ORDERS).some(o => o.kind === 'Instance'),
    );
    dev.apply([composite([])]);
    await waitFor(
      'Instance no longer watched',
      () => kindState('Instance') === undefined,
    );
    expect(cache.all().filter(o => o.kind === 'Instance')).toEqual([]);
  });

  it('watches a kind once a reference to it appears', async () => {
    const { dev } = await start([claim, composite([])]);
    await compositeRead();
    expect(watchedManaged()).toEqual([]);
    dev.apply([composite(['User'])]);
    await waitFor('User watched', () => kindState('User') === 'watching');
  });

  it('reports the kinds past the cap as not watched, on the cluster state', async () => {
    await start([claim, composite(['Instance', 'User', 'Firewall'])], {
      watch: 'referenced',
      max: 2,
    });
    const capped = await waitFor('one kind over the cap', () =>
      watcher?.state().kinds.find(k => k.state === 'error'),
    );
    expect(capped.message).toMatch(/gitops\.watch\.managedKinds\.max/);
    await waitFor('two kinds watched', () => watchedManaged().length === 2);
    expect(watcher?.state().state).toBe('degraded');
  });

  it("watches every managed resource CRD with watch: 'all'", async () => {
    await start([], { watch: 'all', max: 100 });
    await waitFor(
      'every managed kind watched',
      () => watchedManaged().length === 3,
    );
    expect(watchedManaged()).toEqual(['Firewall', 'Instance', 'User']);
  });

  describe('core workloads an Argo CD Application manages', () => {
    const reportedApi = {
      group: 'apps',
      kind: 'Deployment',
      name: 'api',
      namespace: 'orders',
    };
    const deploymentKeys = (cache: {
      all(): Array<{ kind: string; key: string }>;
    }) =>
      cache
        .all()
        .filter(o => o.kind === 'Deployment')
        .map(o => o.key);

    it('caches only the Deployments an Application reports', async () => {
      const { cache } = await start([
        applicationReporting([reportedApi]),
        deployment('api'),
        deployment('unmanaged'),
      ]);
      await waitFor('the reported Deployment', () =>
        cache.get('dev/apps/Deployment/orders/api'),
      );
      expect(deploymentKeys(cache)).toEqual(['dev/apps/Deployment/orders/api']);
    });

    it('reads a Deployment again once an Application starts reporting it', async () => {
      const { dev, cache } = await start([
        applicationReporting([reportedApi]),
        deployment('api'),
        deployment('worker'),
      ]);
      await waitFor('the reported Deployment', () =>
        cache.get('dev/apps/Deployment/orders/api'),
      );
      dev.apply([
        applicationReporting([reportedApi, { ...reportedApi, name: 'worker' }]),
      ]);
      const worker = await waitFor('the newly reported Deployment', () =>
        cache.get('dev/apps/Deployment/orders/worker'),
      );
      expect(worker.health.status).toBe('Healthy');
    });

    it('drops a Deployment no Application reports any more, and stops the watch', async () => {
      const { dev, cache } = await start([
        applicationReporting([reportedApi]),
        deployment('api'),
      ]);
      await waitFor('the reported Deployment', () =>
        cache.get('dev/apps/Deployment/orders/api'),
      );
      dev.apply([applicationReporting([])]);
      await waitFor(
        'Deployments no longer watched',
        () => kindState('Deployment') === undefined,
      );
      expect(deploymentKeys(cache)).toEqual([]);
    });
  });
});
