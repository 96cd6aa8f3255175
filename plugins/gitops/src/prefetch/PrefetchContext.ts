import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

/**
 * How long a started request stands for a fresh one: the entity page mounts its tab more than once while it settles
 * (a new request each time would fetch the tab, and a live diff, several times over).
 */
export const PREFETCH_REUSE_MS = 5_000;

/** A request a GitOps tab started before its code arrived (see `PrefetchingTabs`), when, and its answer once there. */
export interface PrefetchedRequest {
  promise: Promise<unknown>;
  startedAt: number;
  answer?: { value: unknown };
}

/** The requests a tab started, by key. */
export type Prefetched = Map<string, PrefetchedRequest>;

/** Whether the request was started recently enough to be handed out. */
export const isFresh = (request: PrefetchedRequest | undefined, now: number) =>
  request !== undefined && now - request.startedAt < PREFETCH_REUSE_MS;

/** The keys of what a tab prefetches. */
export const prefetchKeys = {
  /** `getEntityTab` of the entity. */
  entityTab: (entityRef: string) => `tab:${entityRef}`,
  /** `getLiveDiff` of one object of the entity. */
  liveDiff: (entityRef: string, objectKey: string) =>
    `diff:${entityRef}:${objectKey}`,
  /** `getTeamStatus` of the team. */
  teamStatus: (teamRef: string) => `team:${teamRef}`,
  /** `getClusters`. */
  clusters: () => 'clusters',
};

export const PrefetchContext = createContext<Prefetched | undefined>(undefined);

/**
 * `take(key)`: the prefetched request under `key` while it is fresh, once per view (a refetch after that, on a
 * signal or a retry, asks the backend again); undefined when there is none. Call it where the request would be made
 * (inside the async fetch), not in render. `takeAnswer(key)`: the same, but only once it has answered, as its value:
 * a view that mounts after its data arrived renders it at once instead of a loading state first (call it once, when
 * the view mounts). `startedAt(key)`: when the fresh request under `key` was started, if there is one: what the view
 * shows was requested then, and a change since then counts (see `useGitopsSignal`'s `since`).
 */
export function usePrefetched() {
  const prefetched = useContext(PrefetchContext);
  const taken = useRef(new Set<string>());
  const takeRequest = useCallback(
    (key: string, answered: boolean) => {
      const request = prefetched?.get(key);
      if (
        taken.current.has(key) ||
        !isFresh(request, Date.now()) ||
        (answered && !request?.answer)
      ) {
        return undefined;
      }
      taken.current.add(key);
      return request;
    },
    [prefetched],
  );
  return useMemo(
    () => ({
      take: <T>(key: string) =>
        takeRequest(key, false)?.promise as Promise<T> | undefined,
      takeAnswer: <T>(key: string) =>
        takeRequest(key, true)?.answer as { value: T } | undefined,
      startedAt: (key: string) => {
        const request = prefetched?.get(key);
        return isFresh(request, Date.now()) ? request!.startedAt : undefined;
      },
    }),
    [takeRequest, prefetched],
  );
}

/**
 * Whether the request prefetched under `key` has settled (answered or failed); true at once when there is none (no
 * key, or nothing fresh under it). Lets a view hold back its secondary parts until what a link opened has arrived.
 */
export function usePrefetchSettled(key: string | undefined): boolean {
  const prefetched = useContext(PrefetchContext);
  const [request] = useState(() => {
    const found = key === undefined ? undefined : prefetched?.get(key);
    return isFresh(found, Date.now()) ? found : undefined;
  });
  const [settled, setSettled] = useState(request === undefined);
  useEffect(() => {
    let mounted = true;
    const done = () => {
      if (mounted) setSettled(true);
    };
    request?.promise.then(done, done);
    return () => {
      mounted = false;
    };
  }, [request]);
  return settled;
}
