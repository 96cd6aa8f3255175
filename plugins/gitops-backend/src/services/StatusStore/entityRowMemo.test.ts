import {
  matchableObject,
  normalizeObject,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import { createObjectCache, ObjectCache } from '../ObjectCache';
import { createEntityRowMemo } from './entityRowMemo';
import { compareObjects } from './overviewFilter';

const ID = 'backstage.io/kubernetes-id';
const SHOP = 'component:default/shop';
const CART = 'component:default/cart';
const APPS = 'dev|argoproj.io|Application';

/** Entities by the kubernetes-id label, as the EntityIndex maps them (no catalog needed here). */
const byIdLabel = {
  entityRefsFor: (object: { labels?: Record<string, string> }) => {
    const id = object.labels?.[ID];
    return id ? [`component:default/${id}`] : [];
  },
  teamOf: () => 'group:default/team-a',
};

function put(cache: ObjectCache, name: string, id: string, health: string) {
  const raw = application(name, { health }, { [ID]: id });
  cache.upsert(APPS, {
    record: normalizeObject(raw, { cluster: 'dev' }),
    match: matchableObject(raw),
  });
}

function setup() {
  const cache = createObjectCache();
  cache.setEntityMapping(byIdLabel);
  put(cache, 'shop', 'shop', 'Healthy');
  put(cache, 'cart', 'cart', 'Healthy');
  const memo = createEntityRowMemo(cache);
  const computed: string[] = [];
  /** The entry of `ref` as the local store asks for it, noting each time it is computed. */
  const entryOf = (ref: string, staleClusters = '') =>
    memo.entryOf(ref, staleClusters, (): ObjectStatus[] => {
      computed.push(ref);
      return [...cache.byEntity(ref)].sort(compareObjects);
    });
  return { cache, entryOf, computed };
}

describe('createEntityRowMemo', () => {
  it("computes an entity's row once while none of its objects changes", () => {
    const { entryOf, computed } = setup();
    const first = entryOf(SHOP);
    expect(entryOf(SHOP)).toBe(first);
    expect(computed).toEqual([SHOP]);
  });

  it.each<[string, (cache: ObjectCache) => void, string]>([
    [
      'a put of its object',
      cache => put(cache, 'shop', 'shop', 'Degraded'),
      'Degraded',
    ],
    [
      'a health set on its object',
      cache =>
        cache.setHealth(
          'dev/argoproj.io/Application/argocd/shop',
          { status: 'Missing' },
          'argocd-application',
        ),
      'Missing',
    ],
    [
      'a catalog re-map that moves its object away',
      cache =>
        cache.setEntityMapping({ ...byIdLabel, entityRefsFor: () => [CART] }),
      'Unknown',
    ],
    [
      'the removal of its object',
      cache => cache.remove('dev/argoproj.io/Application/argocd/shop'),
      'Unknown',
    ],
  ])('computes the row again after %s', (_, change, worstHealth) => {
    const { cache, entryOf, computed } = setup();
    entryOf(SHOP);
    change(cache);
    expect(entryOf(SHOP).row.worstHealth).toBe(worstHealth);
    expect(computed).toEqual([SHOP, SHOP]);
  });

  it('keeps the rows of entities whose objects did not change', () => {
    const { cache, entryOf, computed } = setup();
    entryOf(SHOP);
    entryOf(CART);
    put(cache, 'shop', 'shop', 'Degraded');
    entryOf(CART);
    expect(computed).toEqual([SHOP, CART]);
  });

  it('computes both entities again when an object moves from one to the other', () => {
    const { cache, entryOf, computed } = setup();
    entryOf(SHOP);
    entryOf(CART);
    put(cache, 'shop', 'cart', 'Healthy');
    expect(entryOf(SHOP).tally.total).toBe(0);
    expect(entryOf(CART).tally.total).toBe(2);
    expect(computed).toEqual([SHOP, CART, SHOP, CART]);
  });

  it('computes the row again when another set of clusters is stale', () => {
    const { entryOf, computed } = setup();
    entryOf(SHOP, '');
    entryOf(SHOP, 'dev');
    entryOf(SHOP, 'dev');
    expect(computed).toEqual([SHOP, SHOP]);
  });

  it('counts an object on one entity in its tally and lists one on several as shared', () => {
    const cache = createObjectCache();
    cache.setEntityMapping({
      ...byIdLabel,
      entityRefsFor: object =>
        object.labels?.[ID] === 'both' ? [SHOP, CART] : [SHOP],
    });
    put(cache, 'shop', 'shop', 'Healthy');
    put(cache, 'common', 'both', 'Degraded');
    const memo = createEntityRowMemo(cache);
    const { tally } = memo.entryOf(SHOP, '', () =>
      [...cache.byEntity(SHOP)].sort(compareObjects),
    );
    expect([tally.total, tally.shared.map(object => object.key)]).toEqual([
      1,
      ['dev/argoproj.io/Application/argocd/common'],
    ]);
  });
});
