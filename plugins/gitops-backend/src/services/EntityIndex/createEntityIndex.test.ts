import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import { component } from '../../__testUtils__/fixtures';
import { createObjectCache } from '../ObjectCache';
import { createEntityIndex } from './createEntityIndex';

const ID = 'backstage.io/kubernetes-id';
const SELECTOR = 'backstage.io/kubernetes-label-selector';

function setup(entities: Entity[]) {
  const cache = createObjectCache();
  let current = entities;
  const catalog = catalogServiceMock.mock({
    streamEntities: () =>
      (async function* pages() {
        yield current;
      })(),
  });
  const index = createEntityIndex({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    cache,
  });
  const observe = (
    name: string,
    labels: Record<string, string>,
    namespace = 'argocd',
  ) => {
    const raw = application(name, {}, labels);
    raw.metadata.namespace = namespace;
    cache.upsert('dev|argoproj.io|Application', {
      record: normalizeObject(raw, { cluster: 'dev' }),
      match: { labels, namespace },
    });
    return cache.get(`dev/argoproj.io/Application/${namespace}/${name}`)!;
  };
  return { cache, index, observe, setEntities: (e: Entity[]) => (current = e) };
}

describe('createEntityIndex', () => {
  it.each([
    ['kubernetes-id', { [ID]: 'shop' }, { [ID]: 'shop' }, true],
    [
      'kubernetes-id of another entity',
      { [ID]: 'shop' },
      { [ID]: 'cart' },
      false,
    ],
    [
      'a label selector',
      { [SELECTOR]: 'app=shop,tier in (web)' },
      { app: 'shop', tier: 'web' },
      true,
    ],
    [
      'a label selector that does not match',
      { [SELECTOR]: 'app=shop,tier in (web)' },
      { app: 'shop', tier: 'db' },
      false,
    ],
    [
      'an empty label selector (refused)',
      { [SELECTOR]: '' },
      { app: 'shop' },
      false,
    ],
    [
      'a namespace restriction',
      { [ID]: 'shop', 'backstage.io/kubernetes-namespace': 'other' },
      { [ID]: 'shop' },
      false,
    ],
  ])('maps objects by %s', async (_name, annotations, labels, matches) => {
    const { index, observe } = setup([
      component('shop', 'team-a', annotations),
    ]);
    await index.refresh();
    expect(observe('shop', labels).entityRefs).toEqual(
      matches ? ['component:default/shop'] : [],
    );
  });

  it('maps an object to every entity that claims it, once each', async () => {
    const { index, observe } = setup([
      component('shop', 'team-a', { [ID]: 'shop', [SELECTOR]: 'app=shop' }),
      component('shop-docs', 'team-b', { [ID]: 'shop' }),
      component('all-web', 'team-c', { [SELECTOR]: 'tier=web' }),
      component('cart', 'team-a', { [ID]: 'cart' }),
    ]);
    await index.refresh();
    expect(
      [
        ...observe('shop', {
          [ID]: 'shop',
          app: 'shop',
          tier: 'web',
        }).entityRefs,
      ].sort(),
    ).toEqual([
      'component:default/all-web',
      'component:default/shop',
      'component:default/shop-docs',
    ]);
  });

  it('indexes teams by full group ref and ignores unannotated entities', async () => {
    const { index, cache, observe } = setup([
      component('shop', 'team-a', { [ID]: 'shop' }),
      component('cart', 'group:platform/team-b', { [ID]: 'cart' }),
      component('bare', 'team-a'),
    ]);
    await index.refresh();
    observe('shop', { [ID]: 'shop' });
    observe('cart', { [ID]: 'cart' });
    expect(index.entitiesOfTeam('group:default/team-a')).toEqual([
      'component:default/shop',
    ]);
    expect(index.teamOf('component:default/cart')).toBe(
      'group:platform/team-b',
    );
    expect(index.has('component:default/bare')).toBe(false);
    expect(cache.byTeam('group:platform/team-b').map(r => r.name)).toEqual([
      'cart',
    ]);
    expect(cache.byTeam('Group:Default/Team-A').map(r => r.name)).toEqual([
      'shop',
    ]);
  });

  it('re-maps cached objects when the catalog changes', async () => {
    const { index, cache, observe, setEntities } = setup([]);
    await index.refresh();
    observe('shop', { [ID]: 'shop' });
    expect(cache.byEntity('component:default/shop')).toEqual([]);
    const changed: string[][] = [];
    cache.subscribe(changes =>
      changed.push(...changes.map(c => c.current?.entityRefs ?? [])),
    );
    setEntities([component('shop', 'team-a', { [ID]: 'shop' })]);
    await index.refresh();
    expect(changed).toEqual([['component:default/shop']]);
    expect(cache.byEntity('component:default/shop').map(r => r.name)).toEqual([
      'shop',
    ]);
    expect(cache.byTeam('group:default/team-a').map(r => r.name)).toEqual([
      'shop',
    ]);
  });

  it('reloads for an entity registered after the last refresh', async () => {
    const { index, cache, observe, setEntities } = setup([]);
    await index.refresh();
    observe('shop', { [ID]: 'shop' });
    setEntities([component('shop', 'team-a', { [ID]: 'shop' })]);

    await index.refreshForUnknown('component:default/shop');

    expect(cache.byEntity('component:default/shop').map(r => r.name)).toEqual([
      'shop',
    ]);
  });

  it('does not reload again for a ref it already looked for', async () => {
    const { index, setEntities } = setup([]);
    await index.refresh();
    await index.refreshForUnknown('component:default/shop');
    setEntities([component('shop', 'team-a', { [ID]: 'shop' })]);

    await index.refreshForUnknown('component:default/shop');

    expect(index.has('component:default/shop')).toBe(false);
  });
});
