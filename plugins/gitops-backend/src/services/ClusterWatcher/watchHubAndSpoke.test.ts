import { KubeEmulator, managedResourceCrd } from '@internal/kube-emulator';
import { application } from '../../__testUtils__/clusters';
import {
  readyKustomization,
  reportingApplication,
} from '../../__testUtils__/healthReports';
import { waitFor } from '../../__testUtils__/waitFor';
import { useWatchedClusters } from '../../__testUtils__/watchedClusters';
import { SharedApplicationReports } from './sharedApplicationReports';

/**
 * The objects an Argo CD running in the hub cluster deploys to the spoke, one per way the spoke's watcher reads a
 * kind: a core workload (read only while an Application reports it), a kind watched always, and a Crossplane
 * managed resource kind (watched only while something references it). Each one's own rule says Healthy.
 */
const SPOKE_OBJECTS = [
  {
    what: 'Deployment',
    key: 'spoke/apps/Deployment/shop/web',
    resource: { group: 'apps', kind: 'Deployment', namespace: 'shop' },
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', generation: 1 },
      spec: { replicas: 1 },
      status: {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 1,
        availableReplicas: 1,
      },
    },
    /** What the spoke shows once no Application reports it: core workloads are shown only when managed. */
    unreported: undefined,
  },
  {
    what: 'Flux Kustomization',
    key: 'spoke/kustomize.toolkit.fluxcd.io/Kustomization/shop/web',
    resource: {
      group: 'kustomize.toolkit.fluxcd.io',
      kind: 'Kustomization',
      namespace: 'shop',
    },
    object: readyKustomization('web', 'shop'),
    unreported: { status: 'Healthy', source: 'builtin' },
  },
  {
    what: 'Crossplane managed resource',
    key: 'spoke/sql.example.org/Instance//web',
    resource: { group: 'sql.example.org', kind: 'Instance' },
    object: {
      apiVersion: 'sql.example.org/v1beta1',
      kind: 'Instance',
      metadata: { name: 'web' },
      spec: { forProvider: {} },
      status: {
        conditions: [
          { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' },
          { type: 'Ready', status: 'True', reason: 'Available' },
        ],
      },
    },
    /** Its kind is watched while referenced: by nothing once the Application goes. */
    unreported: undefined,
  },
];

const INSTANCE_CRD = managedResourceCrd({
  group: 'sql.example.org',
  kind: 'Instance',
  plural: 'instances',
});

/** The hub's Application `shop`, deploying to `destination` and reporting every spoke object as Degraded. */
function hubApplication(destination: Record<string, string>) {
  return reportingApplication(
    application('shop'),
    { ...destination, namespace: 'shop' },
    SPOKE_OBJECTS.map(({ resource }) => ({
      version: 'v1',
      ...resource,
      name: 'web',
      status: 'Synced',
      health: { status: 'Degraded', message: 'reported by the hub' },
    })),
  );
}

type Destination = (emulator: KubeEmulator) => Record<string, string>;

/** The spoke named as an Application names a remote cluster (its URL spelt with a trailing slash). */
const DESTINATIONS: Array<[string, Destination]> = [
  ['server URL', emulator => ({ server: `${emulator.cluster('spoke').url}/` })],
  ['name', () => ({ name: 'spoke' })],
];

describe('ClusterWatcher: hub-and-spoke Argo CD', () => {
  const clusters = useWatchedClusters(['hub', 'spoke']);
  let shared: SharedApplicationReports;

  beforeEach(() => {
    clusters.emulator
      .cluster('spoke')
      .apply([INSTANCE_CRD, ...SPOKE_OBJECTS.map(({ object }) => object)]);
    shared = new SharedApplicationReports();
  });

  /** Starts the watcher of one cluster, sharing the cache and the reports with the other. */
  const watch = (name: 'hub' | 'spoke') =>
    clusters.watch(name, {
      sharedReports: shared,
      discoveryIntervalMs: 600_000,
    });

  const shown = (key: string) => {
    const record = clusters.cache.get(key);
    return (
      record && { status: record.health.status, source: record.healthSource }
    );
  };

  const reported = { status: 'Degraded', source: 'argocd-application' };

  const hubApplicationRead = () =>
    waitFor('the hub’s Application', () =>
      clusters.cache.get('hub/argoproj.io/Application/argocd/shop'),
    );

  describe.each(DESTINATIONS)('destination by %s', (_how, destination) => {
    it.each(SPOKE_OBJECTS)(
      'the spoke’s $what shows the health the hub’s Application reports',
      async ({ key }) => {
        clusters.emulator
          .cluster('hub')
          .apply(hubApplication(destination(clusters.emulator)));
        watch('hub');
        watch('spoke');
        await waitFor(`${key} reported`, () =>
          shown(key)?.source === 'argocd-application' ? key : undefined,
        );
        expect([shown(key), clusters.cache.get(key)?.health.message]).toEqual([
          reported,
          'reported by the hub',
        ]);
      },
    );
  });

  it.each(SPOKE_OBJECTS)(
    'the spoke’s $what takes the report of an Application read before the spoke was watched',
    async ({ key }) => {
      clusters.emulator.cluster('hub').apply(hubApplication({ name: 'spoke' }));
      watch('hub');
      await hubApplicationRead();
      watch('spoke');
      await waitFor(`${key} reported`, () =>
        shown(key)?.source === 'argocd-application' ? key : undefined,
      );
      expect(shown(key)).toEqual(reported);
    },
  );

  it.each(SPOKE_OBJECTS)(
    'the spoke’s $what loses the report when the hub’s Application goes',
    async ({ key, unreported }) => {
      clusters.emulator.cluster('hub').apply(hubApplication({ name: 'spoke' }));
      watch('hub');
      watch('spoke');
      await waitFor(`${key} reported`, () =>
        shown(key)?.source === 'argocd-application' ? key : undefined,
      );
      clusters.emulator
        .cluster('hub')
        .remove('argoproj.io/v1alpha1', 'Application', 'shop', 'argocd');
      // A kind watched only while referenced shows its own rule until its watch closes: wait for the end state.
      await waitFor(`${key} no longer reported`, () => {
        expect(shown(key)).toEqual(unreported);
        return true;
      });
    },
  );

  it('the spoke’s Kustomization takes its own rule again when the hub is no longer watched', async () => {
    const { key } = SPOKE_OBJECTS[1];
    clusters.emulator.cluster('hub').apply(hubApplication({ name: 'spoke' }));
    const hub = watch('hub');
    watch('spoke');
    await waitFor(`${key} reported`, () =>
      shown(key)?.source === 'argocd-application' ? key : undefined,
    );
    await clusters.stop(hub);
    expect(shown(key)).toEqual({ status: 'Healthy', source: 'builtin' });
  });

  it.each<[string, Record<string, string>]>([
    ['a server', { server: 'https://elsewhere.example:6443' }],
    ['a cluster name', { name: 'elsewhere' }],
  ])(
    'an Application deploying to %s the portal does not watch leaves the spoke’s objects their own rule',
    async (_what, destination) => {
      clusters.emulator.cluster('hub').apply(hubApplication(destination));
      watch('hub');
      watch('spoke');
      // Once both are read, a report that applied would show (whichever was read first): the Kustomization is
      // read whatever reports it, unlike the kinds watched only when referenced.
      await hubApplicationRead();
      const { key } = SPOKE_OBJECTS[1];
      await waitFor('the spoke’s Kustomization', () => clusters.cache.get(key));
      expect(shown(key)).toEqual({ status: 'Healthy', source: 'builtin' });
    },
  );
});
