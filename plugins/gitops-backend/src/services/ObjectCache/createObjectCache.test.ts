import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import { createObjectCache } from './createObjectCache';
import { CacheChange } from './types';

const KIND = 'dev|argoproj.io|Application';
const input = (name: string, health = 'Healthy') => ({
  record: normalizeObject(application(name, { health }), { cluster: 'dev' }),
  match: { labels: { app: name }, namespace: 'argocd' },
});
const key = (name: string) => `dev/argoproj.io/Application/argocd/${name}`;

describe('createObjectCache', () => {
  it('replaces a kind at once, deleting what vanished, in one change batch', () => {
    const cache = createObjectCache();
    cache.replaceKind(KIND, [input('a'), input('b')]);
    const batches: CacheChange[][] = [];
    cache.subscribe(changes => batches.push(changes));
    cache.replaceKind(KIND, [input('b', 'Degraded'), input('c')]);
    expect(batches).toHaveLength(1);
    expect(
      batches[0].map(c => [
        c.key,
        c.previous?.health.status,
        c.current?.health.status,
      ]),
    ).toEqual([
      [key('b'), 'Healthy', 'Degraded'],
      [key('c'), undefined, 'Healthy'],
      [key('a'), 'Healthy', undefined],
    ]);
    expect(
      cache
        .all()
        .map(r => r.name)
        .sort(),
    ).toEqual(['b', 'c']);
    expect(cache.kindSize(KIND)).toBe(2);
  });

  it('relists page by page, removing what vanished only when the list is complete', () => {
    const cache = createObjectCache();
    cache.replaceKind(KIND, [input('a'), input('b')]);
    const batches: CacheChange[][] = [];
    cache.subscribe(changes => batches.push(changes));
    const relist = cache.beginRelist(KIND);
    relist.putPage([input('b', 'Degraded')]);
    expect(cache.get(key('b'))?.health.status).toBe('Degraded');
    expect(cache.get(key('a'))).toBeDefined(); // not listed yet, may come on a later page
    relist.putPage([input('c')]);
    expect(relist.finish()).toEqual([key('b'), key('c')]);
    expect(cache.get(key('a'))).toBeUndefined();
    expect(batches.map(batch => batch.map(c => c.key))).toEqual([
      [key('b')],
      [key('c')],
      [key('a')],
    ]);
  });

  it('lists the objects of one cluster', () => {
    const cache = createObjectCache();
    cache.replaceKind(KIND, [input('a'), input('b')]);
    const prod = {
      record: normalizeObject(application('c'), { cluster: 'prod' }),
      match: { labels: {}, namespace: 'argocd' },
    };
    cache.upsert('prod|argoproj.io|Application', prod);
    expect(
      cache
        .inCluster('dev')
        .map(r => r.name)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(cache.inCluster('prod').map(r => r.name)).toEqual(['c']);
    expect(cache.inCluster('de')).toEqual([]);
  });

  it('leaves other kinds alone on a replace', () => {
    const cache = createObjectCache();
    cache.upsert('dev|argoproj.io|Rollout', input('other'));
    cache.replaceKind(KIND, []);
    expect(cache.kindSize('dev|argoproj.io|Rollout')).toBe(1);
  });

  it('keeps entity and team indexes in step with upserts and deletes', () => {
    const cache = createObjectCache();
    cache.setEntityMapping({
      entityRefsFor: object =>
        object.labels?.app === 'shop' ? ['component:default/shop'] : [],
      teamOf: () => 'group:default/team-a',
    });
    cache.upsert(KIND, input('shop'));
    cache.upsert(KIND, input('cart'));
    expect(cache.byEntity('component:default/SHOP').map(r => r.name)).toEqual([
      'shop',
    ]);
    expect(cache.byTeam('group:default/team-a').map(r => r.name)).toEqual([
      'shop',
    ]);
    cache.remove(key('shop'));
    expect(cache.byEntity('component:default/shop')).toEqual([]);
    expect(cache.byTeam('group:default/team-a')).toEqual([]);
  });

  it('keeps serving when a listener throws', () => {
    const cache = createObjectCache();
    cache.subscribe(() => {
      throw new Error('listener bug');
    });
    expect(() => cache.upsert(KIND, input('a'))).not.toThrow();
    expect(cache.get(key('a'))).toBeDefined();
  });

  it.each([
    ['without', { labels: { app: 'shop' }, namespace: 'argocd' }],
    [
      'with',
      { labels: { app: 'shop' }, namespace: 'argocd', argoTrackingApp: 'root' },
    ],
  ])(
    'serves the matchable object as read, %s a tracked Application',
    (_name, match) => {
      const cache = createObjectCache();
      cache.upsert(KIND, { record: input('shop').record, match });
      expect(cache.matchOf(key('shop'))).toEqual(match);
    },
  );

  it("serves Argo CD's per-resource list as read, also after a re-mapping", () => {
    const app = application('shop') as any;
    app.status.resources = [
      {
        kind: 'Service',
        version: 'v1',
        namespace: 'shop',
        name: 'web',
        status: 'Synced',
      },
      {
        group: 'apps',
        kind: 'Deployment',
        version: 'v1',
        namespace: 'shop',
        name: 'web',
        status: 'OutOfSync',
        health: { status: 'Progressing' },
      },
    ];
    const record = normalizeObject(app, { cluster: 'dev' });
    const cache = createObjectCache();
    cache.upsert(KIND, { record, match: { labels: { app: 'shop' } } });
    cache.setEntityMapping({
      entityRefsFor: () => ['component:default/shop'],
      teamOf: () => undefined,
    });
    expect(record.resources).toHaveLength(2);
    const served = JSON.parse(JSON.stringify(cache.get(key('shop'))));
    expect(served.resources).toEqual(record.resources);
    expect(served.entityRefs).toEqual(['component:default/shop']);
  });

  describe('Crossplane objects', () => {
    const xp = (
      role: 'claim' | 'composite' | 'managed',
      kind: string,
      name: string,
      extra: {
        namespace?: string;
        labels?: Record<string, string>;
        spec?: object;
      } = {},
    ) => ({
      record: normalizeObject(
        {
          apiVersion: 'platform.example.org/v1alpha1',
          kind,
          metadata: { name, namespace: extra.namespace, labels: extra.labels },
          spec: extra.spec ?? {},
        },
        { cluster: 'dev', crossplaneRole: role },
      ),
      match: { labels: extra.labels ?? {}, namespace: extra.namespace },
    });
    const claim = xp('claim', 'Database', 'orders-db', {
      namespace: 'default',
      labels: { app: 'orders' },
    });
    const composite = xp('composite', 'XDatabase', 'orders-db-x', {
      spec: { claimRef: { name: 'orders-db', namespace: 'default' } },
    });
    const managed = xp('managed', 'Instance', 'orders-db-x-1', {
      labels: { 'crossplane.io/composite': 'orders-db-x' },
    });
    const mapping = {
      entityRefsFor: (m: { labels?: Record<string, string> }) =>
        m.labels?.app === 'orders' ? ['component:default/orders'] : [],
      teamOf: () => undefined,
    };
    const names = (cache: ReturnType<typeof createObjectCache>) =>
      cache
        .byEntity('component:default/orders')
        .map(o => o.name)
        .sort();

    it.each([
      ['parents first', [claim, composite, managed]],
      ['children first', [managed, composite, claim]],
    ])("inherit the claim's entity, arriving %s", (_, order) => {
      const cache = createObjectCache();
      cache.setEntityMapping(mapping);
      for (const object of order) cache.upsert('dev|xp', object);
      expect(names(cache)).toEqual([
        'orders-db',
        'orders-db-x',
        'orders-db-x-1',
      ]);
    });

    it('lose it when the claim is deleted', () => {
      const cache = createObjectCache();
      cache.setEntityMapping(mapping);
      for (const object of [claim, composite, managed])
        cache.upsert('dev|xp', object);
      cache.remove(claim.record.key);
      expect(names(cache)).toEqual([]);
    });

    it('inherit it when the catalog mapping arrives after the objects', () => {
      const cache = createObjectCache();
      for (const object of [managed, composite, claim])
        cache.upsert('dev|xp', object);
      cache.setEntityMapping(mapping);
      expect(names(cache)).toEqual([
        'orders-db',
        'orders-db-x',
        'orders-db-x-1',
      ]);
    });
  });
});
