import { KubeEmulator } from '@internal/kube-emulator';
import { startClusters, watcherFor } from '../../__testUtils__/clusters';
import {
  databaseClaim,
  databaseClaimCrd,
  databaseCompositeCrd,
  databaseXrd,
} from '../../__testUtils__/fixtures';
import { waitFor } from '../../__testUtils__/waitFor';
import {
  DEFAULT_MANAGED_KINDS,
  ManagedKindsOptions,
} from './managedKindsConfig';
import { ClusterWatcher } from './types';

const ID = 'backstage.io/kubernetes-id';
const ORDERS = 'component:default/orders';

/** A provider's managed resource CRD: Crossplane puts every one in the `managed` category. */
function managedCrd(categories = ['crossplane', 'managed']) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'instances.sql.example.org' },
    spec: {
      group: 'sql.example.org',
      scope: 'Cluster',
      names: { kind: 'Instance', plural: 'instances', categories },
      versions: [
        {
          name: 'v1beta1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
          },
          subresources: { status: {} },
        },
      ],
    },
  };
}

function managedInstance(ready: 'True' | 'False', synced: 'True' | 'False') {
  return {
    apiVersion: 'sql.example.org/v1beta1',
    kind: 'Instance',
    metadata: {
      name: 'orders-db-x7k2p-abcde',
      labels: { 'crossplane.io/composite': 'orders-db-x7k2p' },
    },
    spec: { forProvider: { size: 'small' } },
    status: {
      // Synced first, as Crossplane writes them (Argo CD's rule takes the first deciding condition).
      conditions: [
        { type: 'Synced', status: synced, reason: 'ReconcileSuccess' },
        {
          type: 'Ready',
          status: ready,
          reason: ready === 'True' ? 'Available' : 'Creating',
        },
      ],
    },
  };
}

const composite = {
  apiVersion: 'platform.example.org/v1alpha1',
  kind: 'XDatabase',
  metadata: { name: 'orders-db-x7k2p' },
  spec: {
    claimRef: {
      apiVersion: 'platform.example.org/v1alpha1',
      kind: 'Database',
      name: 'orders-db',
      namespace: 'default',
    },
    resourceRefs: [
      {
        apiVersion: 'sql.example.org/v1beta1',
        kind: 'Instance',
        name: 'orders-db-x7k2p-abcde',
      },
    ],
  },
  status: {
    conditions: [{ type: 'Ready', status: 'True', reason: 'Available' }],
  },
};

const claim = () => {
  const c = databaseClaim('orders-db', 'True') as any;
  c.metadata.labels = { [ID]: 'orders' };
  c.spec.resourceRef = {
    apiVersion: 'platform.example.org/v1alpha1',
    kind: 'XDatabase',
    name: 'orders-db-x7k2p',
  };
  return c;
};

const MANAGED_KEY = 'dev/sql.example.org/Instance//orders-db-x7k2p-abcde';

describe('ClusterWatcher with Crossplane managed resources', () => {
  let emulator: KubeEmulator;
  let watcher: ClusterWatcher | undefined;

  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
    await emulator.close();
  });

  /** `all`: every managed resource CRD is watched, referenced or not (the on-demand default has its own tests). */
  async function start(
    objects: unknown[],
    managedKinds: ManagedKindsOptions = { watch: 'all', max: 100 },
  ) {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    dev.apply(objects as any);
    const started = watcherFor(dev, {
      discoveryIntervalMs: 600_000,
      managedKinds,
    });
    // The catalog: the claim is labelled for `orders`; the rest must inherit it.
    started.cache.setEntityMapping({
      entityRefsFor: match => (match.labels?.[ID] === 'orders' ? [ORDERS] : []),
      teamOf: () => 'group:default/team-a',
    });
    watcher = started.watcher;
    watcher.start();
    return { dev, cache: started.cache };
  }

  it.each([
    ['Ready and Synced', 'True', 'True', 'Healthy', 'Synced'],
    ['not Ready', 'False', 'True', 'Progressing', 'Synced'],
    ['not Synced', 'True', 'False', 'Degraded', 'OutOfSync'],
  ] as const)(
    'watches kinds of the managed category and normalises a %s one',
    async (_, ready, synced, health, sync) => {
      const { cache } = await start([
        managedCrd(),
        managedInstance(ready, synced),
      ]);
      const record = await waitFor('the managed resource', () =>
        cache.get(MANAGED_KEY),
      );
      expect(record).toMatchObject({
        engine: 'crossplane',
        crossplane: {
          role: 'managed',
          compositeRef: { name: 'orders-db-x7k2p' },
        },
        sync,
        health: { status: health },
      });
    },
  );

  it('leaves CRDs outside the managed category alone', async () => {
    const { cache } = await start([
      managedCrd(['crossplane']),
      managedInstance('True', 'True'),
    ]);
    await waitFor('the CRD watch', () =>
      watcher
        ?.state()
        .kinds.some(k => k.kind === 'Application' && k.state === 'watching'),
    );
    expect(watcher?.state().kinds.map(k => k.kind)).not.toContain('Instance');
    expect(cache.get(MANAGED_KEY)).toBeUndefined();
  });

  it('picks up a managed resource kind installed after start', async () => {
    const { dev, cache } = await start([]);
    await waitFor('Applications watched', () =>
      watcher
        ?.state()
        .kinds.some(k => k.kind === 'Application' && k.state === 'watching'),
    );
    dev.apply([managedCrd(), managedInstance('True', 'True')]);
    const record = await waitFor('the managed resource', () =>
      cache.get(MANAGED_KEY),
    );
    expect(record.crossplane?.role).toBe('managed');
  });

  it("maps the claim's composite and managed resources to the claim's entity", async () => {
    const { cache } = await start(
      [
        databaseClaimCrd(),
        databaseCompositeCrd(),
        databaseXrd(),
        managedCrd(),
        managedInstance('False', 'True'),
        composite,
        claim(),
      ],
      DEFAULT_MANAGED_KINDS,
    );
    const keys = await waitFor('all three under the entity', () => {
      const found = cache
        .byEntity(ORDERS)
        .map(o => o.key)
        .sort();
      return found.length === 3 ? found : undefined;
    });
    expect(keys).toEqual([
      'dev/platform.example.org/Database/default/orders-db',
      'dev/platform.example.org/XDatabase//orders-db-x7k2p',
      MANAGED_KEY,
    ]);
    expect(cache.byTeam('group:default/team-a')).toHaveLength(3);
  });
});
