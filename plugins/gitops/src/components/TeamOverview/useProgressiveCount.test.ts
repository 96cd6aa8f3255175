import { act, renderHook } from '@testing-library/react';
import { FIRST_ROWS, useProgressiveCount } from './useProgressiveCount';

/** Lets every pending frame and timer run, as many rounds as a 500-row table needs. */
function paintFrames(rounds: number) {
  for (let i = 0; i < rounds; i++) act(() => jest.runOnlyPendingTimers());
}

describe('useProgressiveCount', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('shows a short table whole at once', () => {
    const { result } = renderHook(() => useProgressiveCount(12));
    expect(result.current).toBe(12);
  });

  it('starts a long table with its first screenful', () => {
    const { result } = renderHook(() => useProgressiveCount(500));
    expect(result.current).toBe(FIRST_ROWS);
  });

  it('adds the other rows after the first paint until every row is shown', () => {
    const { result } = renderHook(() => useProgressiveCount(500));
    paintFrames(20);
    expect(result.current).toBe(500);
  });

  it('goes on from where it is when the table grows', () => {
    const { result, rerender } = renderHook(
      ({ total }) => useProgressiveCount(total),
      { initialProps: { total: 100 } },
    );
    paintFrames(20);
    rerender({ total: 600 });
    paintFrames(20);
    expect(result.current).toBe(600);
  });
});
