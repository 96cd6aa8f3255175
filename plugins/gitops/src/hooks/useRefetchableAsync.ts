import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DependencyList,
} from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';

/**
 * `useAsync` with a `refetch` that always starts a new request, even while one
 * is in flight (react-use's `useAsyncRetry` drops a retry during loading, which
 * would lose a signal that arrives mid-request). The latest request wins and the
 * previous value stays visible while it runs. With an `initial` answer (a
 * prefetched one that has arrived), the first render shows it and the first
 * request is not made; refetches and changed `deps` request as usual.
 */
export function useRefetchableAsync<T>(
  fetch: () => Promise<T>,
  deps: DependencyList,
  initial?: { value: T },
) {
  const [attempt, setAttempt] = useState(0);
  const [state, run] = useAsyncFn(
    fetch,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [...deps, attempt],
    initial ? { loading: false, value: initial.value } : { loading: true },
  );
  const answered = useRef(initial !== undefined);
  useEffect(() => {
    if (answered.current) {
      answered.current = false;
      return;
    }
    run();
  }, [run]);
  const refetch = useCallback(() => setAttempt(current => current + 1), []);
  return { ...state, refetch };
}
