import { Health, normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { application } from '../../__testUtils__/clusters';
import { createObjectCache } from './createObjectCache';
import { CacheChange } from './types';

const KIND = 'dev|argoproj.io|Application';
const KEY = 'dev/argoproj.io/Application/argocd/shop';

/** An Application with a managed resource (its list is kept packed in the cache). */
function cached() {
  const app = application('shop');
  const raw = {
    ...app,
    status: {
      ...app.status,
      resources: [
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'shop',
          name: 'web',
          status: 'Synced',
          health: { status: 'Healthy' },
        },
      ],
    },
  };
  const cache = createObjectCache();
  cache.upsert(KIND, {
    record: {
      ...normalizeObject(raw, { cluster: 'dev' }),
      healthSource: 'builtin',
    },
    match: { labels: {}, namespace: 'argocd' },
  });
  const changes: CacheChange[] = [];
  cache.subscribe(batch => changes.push(...batch));
  return { cache, changes };
}

describe('ObjectCache.setHealth', () => {
  it('replaces health and source, keeps the rest, and emits one change', () => {
    const { cache, changes } = cached();
    const reported: Health = { status: 'Degraded', message: 'reported' };
    cache.setHealth(KEY, reported, 'argocd-application');
    const record = cache.get(KEY)!;
    expect(record.health).toEqual(reported);
    expect(record.healthSource).toBe('argocd-application');
    expect(record.resources?.map(r => r.name)).toEqual(['web']);
    expect(
      changes.map(c => [c.previous?.health.status, c.current?.health.status]),
    ).toEqual([['Healthy', 'Degraded']]);
  });

  it.each<[string, Health, 'builtin' | 'custom-script']>([
    ['the same health and source', { status: 'Healthy' }, 'builtin'],
  ])('does nothing for %s', (_name, health, source) => {
    const { cache, changes } = cached();
    cache.setHealth(KEY, health, source);
    expect(changes).toEqual([]);
  });

  it.each<[string, Health, 'builtin' | 'custom-script']>([
    ['another source', { status: 'Healthy' }, 'custom-script'],
    [
      'another message',
      { status: 'Healthy', message: 'now with a reason' },
      'builtin',
    ],
  ])('emits a change for %s', (_name, health, source) => {
    const { cache, changes } = cached();
    cache.setHealth(KEY, health, source);
    expect(changes).toHaveLength(1);
  });

  it('does nothing for an object not cached', () => {
    const { cache, changes } = cached();
    cache.setHealth(
      'dev/argoproj.io/Application/argocd/other',
      { status: 'Degraded' },
      'builtin',
    );
    expect(changes).toEqual([]);
    expect(
      cache.get('dev/argoproj.io/Application/argocd/other'),
    ).toBeUndefined();
  });
});
