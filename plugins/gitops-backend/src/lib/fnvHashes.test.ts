import { hashes } from './fnvHashes';

describe('hashes', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
  ])('gives the 32-bit FNV-1a of %j as its first hash', (key, expected) => {
    expect(hashes(key)[0]).toBe(expected);
  });

  it('gives an odd second hash, so a double-hashing step reaches every slot of a power-of-two table', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `dev/apps/shop-${i}`);
    expect(keys.filter(key => hashes(key)[1] % 2 === 0)).toEqual([]);
  });
});
