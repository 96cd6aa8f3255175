import { createContext, useCallback, useContext, useRef } from 'react';

/**
 * How long a started request stands for a fresh one: the entity page mounts its tab more than once while it settles
 * (a new request each time would fetch the tab, and a live diff, several times over).
 */
export const PREFETCH_REUSE_MS = 5_000;

/** A request a GitOps tab started before its code arrived (see `PrefetchingTabs`), and when. */
export interface PrefetchedRequest {
  promise: Promise<unknown>;
  startedAt: number;
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
 * (inside the async fetch), not in render.
 */
export function usePrefetched() {
  const prefetched = useContext(PrefetchContext);
  const taken = useRef(new Set<string>());
  return useCallback(
    <T>(key: string): Promise<T> | undefined => {
      const request = prefetched?.get(key);
      if (taken.current.has(key) || !isFresh(request, Date.now())) {
        return undefined;
      }
      taken.current.add(key);
      return request?.promise as Promise<T>;
    },
    [prefetched],
  );
}
