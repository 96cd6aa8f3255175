import { boundedCache } from './boundedCache';

describe('boundedCache', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const cache = boundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(['a', 'b', 'c'].map(key => cache.get(key))).toEqual([
      1,
      undefined,
      3,
    ]);
  });
});
