import { parseLabelSelector } from '@gitops-portal/plugin-gitops-common';
import { SelectorIndex } from './selectorIndex';

describe('SelectorIndex', () => {
  it.each([
    ['an equality, on the labelled object', 'app=shop', { app: 'shop' }, true],
    ['an equality, on another value', 'app=shop', { app: 'cart' }, false],
    ['an equality, on an unlabelled object', 'app=shop', undefined, false],
    [
      'a set, on one of its values',
      'app in (shop,cart)',
      { app: 'cart' },
      true,
    ],
    ['a set, on none of them', 'app in (shop,cart)', { app: 'web' }, false],
    ['an equality after an existence', 'tier,app=shop', { app: 'shop' }, true],
    ['an existence only (scanned)', 'tier', {}, true],
    ['an exclusion only (scanned)', 'app notin (shop)', undefined, true],
  ])('offers a selector with %s: %s', (_name, selector, labels, offered) => {
    const index = new SelectorIndex<string>();
    index.add(parseLabelSelector(selector), 'shop');
    const candidates = new Set<string>();
    index.candidates(labels, candidates);
    expect(candidates.has('shop')).toBe(offered);
  });
});
