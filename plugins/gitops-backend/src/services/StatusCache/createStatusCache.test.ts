import { normalizeObject } from '@internal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import { createStatusCache } from './createStatusCache';
import { CacheChange } from './types';

const KIND = 'dev|argoproj.io|Application';
const input = (name: string, health = 'Healthy') => ({
  record: normalizeObject(application(name, { health }), { cluster: 'dev' }),
  match: { labels: { app: name }, namespace: 'argocd' },
});
const key = (name: string) => `dev/argoproj.io/Application/argocd/${name}`;

describe('createStatusCache', () => {
  it('replaces a kind at once, deleting what vanished, in one change batch', () => {
    const cache = createStatusCache();
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
      [key('a'), 'Healthy', undefined],
      [key('b'), 'Healthy', 'Degraded'],
      [key('c'), undefined, 'Healthy'],
    ]);
    expect(
      cache
        .all()
        .map(r => r.name)
        .sort(),
    ).toEqual(['b', 'c']);
    expect(cache.kindSize(KIND)).toBe(2);
  });

  it('leaves other kinds alone on a replace', () => {
    const cache = createStatusCache();
    cache.upsert('dev|argoproj.io|Rollout', input('other'));
    cache.replaceKind(KIND, []);
    expect(cache.kindSize('dev|argoproj.io|Rollout')).toBe(1);
  });

  it('keeps entity and team indexes in step with upserts and deletes', () => {
    const cache = createStatusCache();
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
    const cache = createStatusCache();
    cache.subscribe(() => {
      throw new Error('listener bug');
    });
    expect(() => cache.upsert(KIND, input('a'))).not.toThrow();
    expect(cache.get(key('a'))).toBeDefined();
  });
});
