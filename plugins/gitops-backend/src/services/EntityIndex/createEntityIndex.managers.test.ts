import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CrossplaneRole,
  matchableObject,
  normalizeObject,
} from '@gitops-portal/plugin-gitops-common';
import { component } from '../../__testUtils__/fixtures';
import { createObjectCache } from '../ObjectCache';
import { createEntityIndex } from './createEntityIndex';

const APP_NAME = 'argocd/app-name';
const APP_SELECTOR = 'argocd/app-selector';
const ID = 'backstage.io/kubernetes-id';
const INSTANCE = 'app.kubernetes.io/instance';
const TRACKING = 'argocd.argoproj.io/tracking-id';
const SHOP = 'component:default/shop';
const CART = 'component:default/cart';

interface Raw {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: unknown;
}

const meta = (
  name: string,
  namespace: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
) => ({ name, namespace, labels, annotations });

const application = (
  name: string,
  labels?: Record<string, string>,
  annotations?: Record<string, string>,
): Raw => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: meta(name, 'argocd', labels, annotations),
  spec: { project: 'default', source: { repoURL: 'https://git.example/x' } },
});

const rollout = (
  labels?: Record<string, string>,
  annotations?: Record<string, string>,
): Raw => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: meta('shop', 'shop', labels, annotations),
});

const kustomization = (name: string, labels?: Record<string, string>): Raw => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  metadata: meta(name, 'flux-system', labels),
});

const helmRelease = (name: string, labels?: Record<string, string>): Raw => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: meta(name, 'shop', labels),
});

/** The tracking-id Argo CD writes on the Rollout of {@link rollout}. */
const trackedBy = (app: string) => ({
  [TRACKING]: `${app}:argoproj.io/Rollout:shop/shop`,
});

function setup(entities: Entity[], gitops: JsonObject = {}) {
  const cache = createObjectCache();
  const logger = mockServices.logger.mock();
  const index = createEntityIndex({
    catalog: catalogServiceMock.mock({
      streamEntities: () =>
        (async function* pages() {
          yield entities;
        })(),
    }),
    auth: mockServices.auth(),
    logger,
    cache,
    config: new ConfigReader({ gitops }),
  });
  const observe = (
    raw: Raw,
    cluster = 'dev',
    crossplaneRole?: Exclude<CrossplaneRole, 'xrd'>,
  ) => {
    const record = normalizeObject(raw, { cluster, crossplaneRole });
    const group = raw.apiVersion.split('/')[0];
    cache.upsert(`${cluster}|${group}|${raw.kind}`, {
      record,
      match: matchableObject(raw),
    });
    return record.key;
  };
  const refsOf = (key: string) => [...(cache.get(key)?.entityRefs ?? [])];
  return { cache, index, logger, observe, refsOf };
}

describe('createEntityIndex: Argo CD annotations', () => {
  it.each([
    [
      'argocd/app-name with one name',
      { [APP_NAME]: 'shop-prod' },
      'shop-prod',
      {},
      true,
    ],
    [
      'argocd/app-name with comma-separated names',
      { [APP_NAME]: 'shop-dev, shop-prod' },
      'shop-prod',
      {},
      true,
    ],
    [
      'argocd/app-name naming another Application',
      { [APP_NAME]: 'shop-dev' },
      'shop-prod',
      {},
      false,
    ],
    [
      'argocd/app-selector',
      { [APP_SELECTOR]: 'team=shop' },
      'shop-prod',
      { team: 'shop' },
      true,
    ],
    [
      'argocd/app-selector that does not match',
      { [APP_SELECTOR]: 'team=shop' },
      'shop-prod',
      { team: 'cart' },
      false,
    ],
  ])(
    'maps the Application by %s',
    async (_name, annotations, app, labels, claimed) => {
      const { index, observe, refsOf } = setup([
        component('shop', 'team-a', annotations),
      ]);
      await index.refresh();
      expect(refsOf(observe(application(app, labels)))).toEqual(
        claimed ? [SHOP] : [],
      );
    },
  );

  it('does not map other kinds by argocd/app-selector', async () => {
    const { index, observe, refsOf } = setup([
      component('shop', 'team-a', { [APP_SELECTOR]: 'team=shop' }),
    ]);
    await index.refresh();
    expect(refsOf(observe(rollout({ team: 'shop' })))).toEqual([]);
  });

  it.each([
    [
      'an Application name that is no resource name',
      { [APP_NAME]: 'Shop_Prod' },
    ],
    [
      'an Application selector that does not parse',
      { [APP_SELECTOR]: 'team in (shop' },
    ],
    ['an empty Application selector', { [APP_SELECTOR]: ' ' }],
  ])('maps nothing by %s and says why', async (_name, annotations) => {
    const { index, logger, observe, refsOf } = setup([
      component('shop', 'team-a', annotations),
    ]);
    await index.refresh();
    expect(refsOf(observe(application('shop-prod', { team: 'shop' })))).toEqual(
      [],
    );
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining(SHOP));
  });
});

describe('createEntityIndex: objects follow their manager', () => {
  const byApp = component('shop', 'team-a', { [APP_NAME]: 'shop-prod' });

  it.each([
    ['the instance label', rollout({ [INSTANCE]: 'shop-prod' })],
    ['the tracking-id annotation', rollout({}, trackedBy('shop-prod'))],
    ['both', rollout({ [INSTANCE]: 'shop-prod' }, trackedBy('shop-prod'))],
    [
      'the namespace-qualified name (apps in any namespace)',
      rollout({}, trackedBy('argocd_shop-prod')),
    ],
  ])(
    'an object tracked by its Application through %s',
    async (_name, managed) => {
      const { index, observe, refsOf } = setup([byApp]);
      await index.refresh();
      observe(application('shop-prod'));
      expect(refsOf(observe(managed))).toEqual([SHOP]);
    },
  );

  it.each([
    [
      'a Flux Kustomization',
      kustomization('shop'),
      rollout({
        'kustomize.toolkit.fluxcd.io/name': 'shop',
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      }),
    ],
    [
      'a Flux HelmRelease',
      helmRelease('shop'),
      rollout({
        'helm.toolkit.fluxcd.io/name': 'shop',
        'helm.toolkit.fluxcd.io/namespace': 'shop',
      }),
    ],
  ])('an object applied by %s', async (_name, manager, managed) => {
    const { index, observe, refsOf } = setup([
      component('shop', 'team-a', { [ID]: 'shop' }),
    ]);
    await index.refresh();
    manager.metadata.labels = { [ID]: 'shop' };
    observe(manager);
    expect(refsOf(observe(managed))).toEqual([SHOP]);
  });

  it('a Crossplane claim and what it composes', async () => {
    const { index, observe, refsOf } = setup([byApp]);
    await index.refresh();
    observe(application('shop-prod'));
    const claim = observe(
      {
        apiVersion: 'platform.example.org/v1alpha1',
        kind: 'Database',
        metadata: meta('shop-db', 'shop', { [INSTANCE]: 'shop-prod' }),
        spec: { resourceRef: { name: 'shop-db-x1' } },
      },
      'dev',
      'claim',
    );
    const composite = observe(
      {
        apiVersion: 'platform.example.org/v1alpha1',
        kind: 'XDatabase',
        metadata: meta('shop-db-x1', ''),
        spec: { claimRef: { name: 'shop-db', namespace: 'shop' } },
      },
      'dev',
      'composite',
    );
    expect([refsOf(claim), refsOf(composite)]).toEqual([[SHOP], [SHOP]]);
  });

  it('an object seen before its Application', async () => {
    const { index, observe, refsOf } = setup([byApp]);
    await index.refresh();
    const managed = observe(rollout({ [INSTANCE]: 'shop-prod' }));
    expect(refsOf(managed)).toEqual([]);
    observe(application('shop-prod'));
    expect(refsOf(managed)).toEqual([SHOP]);
  });

  it('through Applications of Applications', async () => {
    const { index, observe, refsOf } = setup([
      component('shop', 'team-a', { [APP_NAME]: 'root' }),
    ]);
    // Watched before the catalog loads: the mapping orders nothing for them.
    const managed = observe(rollout({}, trackedBy('shop-prod')));
    observe(application('shop-prod', { [INSTANCE]: 'shop-apps' }));
    observe(application('shop-apps', { [INSTANCE]: 'root' }));
    observe(application('root'));
    await index.refresh();
    expect(refsOf(managed)).toEqual([SHOP]);
  });

  it('signals each re-mapped object once when the catalog loads', async () => {
    const { cache, index, observe } = setup([
      component('shop', 'team-a', { [APP_NAME]: 'root' }),
    ]);
    const managed = observe(rollout({}, trackedBy('shop-prod')));
    observe(application('shop-prod', { [INSTANCE]: 'root' }));
    const root = observe(application('root'));
    const changed: string[] = [];
    cache.subscribe(changes => changed.push(...changes.map(c => c.key)));
    await index.refresh();
    expect(changed.sort()).toEqual(
      [managed, root, 'dev/argoproj.io/Application/argocd/shop-prod'].sort(),
    );
  });

  it('no longer once its Application is gone', async () => {
    const { cache, index, observe, refsOf } = setup([byApp]);
    await index.refresh();
    const app = observe(application('shop-prod'));
    const managed = observe(rollout({ [INSTANCE]: 'shop-prod' }));
    cache.remove(app);
    expect(refsOf(managed)).toEqual([]);
  });

  it('with a configured instance label', async () => {
    const { index, observe, refsOf } = setup([byApp], {
      argoCd: { instanceLabelKey: 'argocd.argoproj.io/instance' },
    });
    await index.refresh();
    observe(application('shop-prod'));
    const byDefaultLabel = observe(rollout({ [INSTANCE]: 'shop-prod' }));
    expect(refsOf(byDefaultLabel)).toEqual([]);
    const byConfigured = observe(
      rollout({ 'argocd.argoproj.io/instance': 'shop-prod' }),
    );
    expect(refsOf(byConfigured)).toEqual([SHOP]);
  });

  it('in the same cluster first', async () => {
    const { index, observe, refsOf } = setup([
      component('shop', 'team-a', { [ID]: 'shop' }),
      component('cart', 'team-b', { [ID]: 'cart' }),
    ]);
    await index.refresh();
    observe(application('shop-prod', { [ID]: 'shop' }), 'hub');
    observe(application('shop-prod', { [ID]: 'cart' }), 'prod');
    expect(
      refsOf(observe(rollout({ [INSTANCE]: 'shop-prod' }), 'prod')),
    ).toEqual([CART]);
  });

  it('in another cluster when its own has no such Application (Argo CD managing remote clusters)', async () => {
    const { index, observe, refsOf } = setup([byApp]);
    await index.refresh();
    observe(application('shop-prod'), 'hub');
    expect(
      refsOf(observe(rollout({ [INSTANCE]: 'shop-prod' }), 'prod')),
    ).toEqual([SHOP]);
  });
});

describe('createEntityIndex: ambiguity', () => {
  it('maps an object claimed by two entities to both', async () => {
    const { index, observe, refsOf } = setup([
      component('shop', 'team-a', { [APP_NAME]: 'shop-prod' }),
      component('cart', 'team-b', { [ID]: 'cart' }),
    ]);
    await index.refresh();
    observe(application('shop-prod'));
    const managed = observe(rollout({ [INSTANCE]: 'shop-prod', [ID]: 'cart' }));
    expect(refsOf(managed).sort()).toEqual([CART, SHOP]);
  });
});

describe('createEntityIndex: objects follow their manager as it changes', () => {
  const byId = (name: string) => component(name, 'team-a', { [ID]: name });
  const managedBy = (app: string) => rollout({ [INSTANCE]: app });

  it('onto another entity when the Application is relabelled', async () => {
    const { index, observe, refsOf } = setup([byId('shop'), byId('cart')]);
    await index.refresh();
    observe(application('shop-prod', { [ID]: 'shop' }));
    const managed = observe(managedBy('shop-prod'));
    observe(application('shop-prod', { [ID]: 'cart' }));
    expect(refsOf(managed)).toEqual([CART]);
  });

  it('off and on again when the Application loses its label and gets it back', async () => {
    const { index, observe, refsOf } = setup([byId('shop')]);
    await index.refresh();
    observe(application('shop-prod', { [ID]: 'shop' }));
    const managed = observe(managedBy('shop-prod'));
    observe(application('shop-prod'));
    const unlabelled = refsOf(managed);
    observe(application('shop-prod', { [ID]: 'shop' }));
    expect([unlabelled, refsOf(managed)]).toEqual([[], [SHOP]]);
  });

  it('onto the entity its Application is relabelled to after the catalog dropped the first one', async () => {
    const entities = [byId('shop'), byId('cart')];
    const { index, observe, refsOf } = setup(entities);
    await index.refresh();
    observe(application('shop-prod', { [ID]: 'shop' }));
    const managed = observe(managedBy('shop-prod'));
    entities.shift();
    await index.refresh();
    const dropped = refsOf(managed);
    observe(application('shop-prod', { [ID]: 'cart' }));
    expect([dropped, refsOf(managed)]).toEqual([[], [CART]]);
  });

  it('to an Application of its own cluster once one appears, and back when it goes', async () => {
    const { cache, index, observe, refsOf } = setup([
      byId('shop'),
      byId('cart'),
    ]);
    await index.refresh();
    observe(application('shop-prod', { [ID]: 'shop' }), 'hub');
    const managed = observe(managedBy('shop-prod'), 'prod');
    const own = observe(application('shop-prod', { [ID]: 'cart' }), 'prod');
    const whileOwn = refsOf(managed);
    cache.remove(own);
    expect([whileOwn, refsOf(managed)]).toEqual([[CART], [SHOP]]);
  });

  it('to an unmapped Application of its own cluster, and back when it goes', async () => {
    const { cache, index, observe, refsOf } = setup([byId('shop')]);
    await index.refresh();
    observe(application('shop-prod', { [ID]: 'shop' }), 'hub');
    const managed = observe(managedBy('shop-prod'), 'prod');
    const own = observe(application('shop-prod'), 'prod');
    const whileOwn = refsOf(managed);
    cache.remove(own);
    expect([whileOwn, refsOf(managed)]).toEqual([[], [SHOP]]);
  });
});
