import { loadOnFirstUse } from './loadOnFirstUse';

describe('loadOnFirstUse', () => {
  it('does not load before the first call', () => {
    const load = jest.fn(() => 'module');
    loadOnFirstUse(load);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once and returns that result on every call', () => {
    const load = jest.fn(() => ({ name: 'module' }));
    const get = loadOnFirstUse(load);
    const first = get();
    expect(get()).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
