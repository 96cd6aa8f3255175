import { act, renderHook } from '@testing-library/react';
import { useIdleAfter } from './useIdleAfter';

describe('useIdleAfter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('stays false while not ready, however long it waits', () => {
    const { result } = renderHook(() => useIdleAfter(false));
    act(() => jest.runAllTimers());
    expect(result.current).toBe(false);
  });

  it('turns true after the next task once ready, without requestIdleCallback', () => {
    const { result } = renderHook(() => useIdleAfter(true));
    expect(result.current).toBe(false);
    act(() => jest.runAllTimers());
    expect(result.current).toBe(true);
  });

  it("waits for the browser's idle callback where there is one", () => {
    const idle: Array<() => void> = [];
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.requestIdleCallback = (callback: () => void) => idle.push(callback);
    globals.cancelIdleCallback = () => {};
    try {
      const { result } = renderHook(() => useIdleAfter(true));
      act(() => jest.runAllTimers());
      expect(result.current).toBe(false);
      act(() => idle.forEach(callback => callback()));
      expect(result.current).toBe(true);
    } finally {
      delete globals.requestIdleCallback;
      delete globals.cancelIdleCallback;
    }
  });
});
