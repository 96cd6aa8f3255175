import { useCallback, useState, type DependencyList } from 'react';
import useAsync from 'react-use/esm/useAsync';

/**
 * `useAsync` with a `refetch` that always starts a new request, even while one
 * is in flight (react-use's `useAsyncRetry` drops a retry during loading, which
 * would lose a signal that arrives mid-request). The latest request wins and the
 * previous value stays visible while it runs.
 */
export function useRefetchableAsync<T>(
  fetch: () => Promise<T>,
  deps: DependencyList,
) {
  const [attempt, setAttempt] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsync(fetch, [...deps, attempt]);
  const refetch = useCallback(() => setAttempt(current => current + 1), []);
  return { ...state, refetch };
}
