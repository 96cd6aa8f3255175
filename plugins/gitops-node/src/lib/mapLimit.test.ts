import { mapLimit } from './mapLimit';

/** A call of `fn` that resolves when the test says so, so the calls in flight can be counted. */
function controlledCalls() {
  const pending: Array<() => void> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fn = (item: number) =>
    new Promise<number>(resolve => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      pending.push(() => {
        inFlight--;
        resolve(item * 10);
      });
    });
  const settle = async () => {
    while (pending.length > 0) {
      // Last first, so the results come back out of order.
      pending.pop()!();
      await new Promise(setImmediate);
    }
  };
  return { fn, settle, mostInFlight: () => mostInFlight };
}

describe('mapLimit', () => {
  it('returns the results in the items order whatever order they finish in', async () => {
    const calls = controlledCalls();
    const result = mapLimit([1, 2, 3, 4, 5], 2, calls.fn);
    await new Promise(setImmediate);
    await calls.settle();
    await expect(result).resolves.toEqual([10, 20, 30, 40, 50]);
  });

  it('keeps at most `limit` calls in flight', async () => {
    const calls = controlledCalls();
    const result = mapLimit([1, 2, 3, 4, 5, 6, 7], 3, calls.fn);
    await new Promise(setImmediate);
    await calls.settle();
    await result;
    expect(calls.mostInFlight()).toBe(3);
  });

  it('calls nothing for no items', async () => {
    const fn = jest.fn(async (item: number) => item);
    await expect(mapLimit([], 4, fn)).resolves.toEqual([]);
    expect(fn).not.toHaveBeenCalled();
  });
});
