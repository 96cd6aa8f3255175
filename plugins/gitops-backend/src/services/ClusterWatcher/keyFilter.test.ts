import { KeyFilter } from './keyFilter';

const keys = (count: number, prefix = 'dev/apps/Deployment/shop/web-') =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('KeyFilter', () => {
  it('says "maybe" for every key it holds, even past its size', () => {
    const filter = new KeyFilter();
    const held = keys(5000);
    held.forEach(key => filter.add(key));
    expect(held.filter(key => !filter.mayHave(key))).toEqual([]);
  });

  it('says "no" for most keys it never held once rebuilt for its keys', () => {
    const filter = new KeyFilter();
    filter.rebuild(keys(5000), 5000);
    const others = keys(10000, 'dev//Service/other/api-');
    const maybes = others.filter(key => filter.mayHave(key)).length;
    expect(maybes).toBeLessThan(others.length * 0.05);
  });

  it('says "no" while it holds nothing', () => {
    expect(new KeyFilter().mayHave('dev/apps/Deployment/shop/web')).toBe(false);
  });

  it.each<[string, boolean, (filter: KeyFilter) => void]>([
    ['nothing happened', false, () => {}],
    [
      'more keys were removed than are left',
      true,
      filter => {
        for (let i = 0; i < 400; i++) filter.removedOne();
      },
    ],
    [
      'it holds many more keys than it was sized for',
      true,
      filter =>
        keys(1000, 'dev//Service/shop/api-').forEach(key => filter.add(key)),
    ],
  ])('when %s, needs a rebuild: %s', (_name, expected, change) => {
    const filter = new KeyFilter();
    keys(700).forEach(key => filter.add(key));
    change(filter);
    expect(filter.needsRebuild).toBe(expected);
  });

  it('holds exactly the given keys after a rebuild', () => {
    const filter = new KeyFilter();
    filter.add('dev/apps/Deployment/shop/old');
    filter.rebuild(['dev/apps/Deployment/shop/new'], 1);
    expect([
      filter.mayHave('dev/apps/Deployment/shop/new'),
      filter.needsRebuild,
    ]).toEqual([true, false]);
  });
});
