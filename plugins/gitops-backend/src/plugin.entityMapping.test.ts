import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { ID, startBackend } from './__testUtils__/backend';
import { application, startClusters } from './__testUtils__/clusters';
import {
  component,
  databaseClaim,
  databaseClaimCrd,
  databaseXrd,
  group,
} from './__testUtils__/fixtures';
import { waitFor } from './__testUtils__/waitFor';

/**
 * Objects Argo CD deployed carry only its tracking (no label of ours): they show on the entity that names their
 * Application in `argocd/app-name`.
 */
const entities = [
  component('shop', 'team-a', { 'argocd/app-name': 'shop-prod' }),
  component('cart', 'team-b', { [ID]: 'cart' }),
  group('team-a'),
  group('team-b'),
];

/** A Rollout Argo CD applied with annotation tracking. */
function trackedRollout(name: string, labels: Record<string, string> = {}) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      name,
      namespace: 'shop',
      labels,
      annotations: {
        'argocd.argoproj.io/tracking-id': `shop-prod:argoproj.io/Rollout:shop/${name}`,
      },
    },
    spec: { replicas: 1 },
  };
}

/** A Crossplane claim Argo CD applied with label tracking. */
function trackedClaim() {
  const claim = databaseClaim('shop-db', 'True') as any;
  claim.metadata.labels = { 'app.kubernetes.io/instance': 'shop-prod' };
  return claim;
}

describe('gitops backend mapping objects by their Argo CD Application', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;

  const statusOf = async (name: string) => {
    const res = await request(started.server).get(
      `/api/gitops/entities/component/default/${name}/status`,
    );
    return (res.body.objects ?? []) as ObjectStatus[];
  };
  const named = (objects: ObjectStatus[], kind: string, name: string) =>
    objects.find(o => o.kind === kind && o.name === name);

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    const dev = emulator.cluster('dev');
    dev.apply([databaseXrd(), databaseClaimCrd()]);
    dev.apply([
      application('shop-prod'),
      trackedRollout('shop'),
      trackedRollout('shop-cart', { [ID]: 'cart' }),
      trackedClaim(),
    ]);
    started = await startBackend(emulator, { entities });
    await waitFor(
      'shop mapped',
      async () => (await statusOf('shop')).length >= 4,
    );
  });

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
  });

  it.each([
    ['its Application', 'Application', 'shop-prod'],
    ['a Rollout with only the tracking-id annotation', 'Rollout', 'shop'],
    ['a Crossplane claim with only the instance label', 'Database', 'shop-db'],
  ])('shows %s on the entity', async (_name, kind, name) => {
    expect(named(await statusOf('shop'), kind, name)).toBeDefined();
  });

  it('flags an object two entities claim on both of them', async () => {
    const onShop = named(await statusOf('shop'), 'Rollout', 'shop-cart');
    const onCart = named(await statusOf('cart'), 'Rollout', 'shop-cart');
    expect([onShop?.alsoClaimedBy, onCart?.alsoClaimedBy]).toEqual([
      ['component:default/cart'],
      ['component:default/shop'],
    ]);
  });

  it('does not flag an object only the entity claims', async () => {
    const rollout = named(await statusOf('shop'), 'Rollout', 'shop');
    expect(rollout?.alsoClaimedBy).toBeUndefined();
  });
});
