import type { CompoundEntityRef } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { GitopsApi } from '../api';
import {
  isFresh,
  prefetchKeys,
  type Prefetched,
  type PrefetchedRequest,
} from './PrefetchContext';

/** A prefetch: its key (see `prefetchKeys`) and how to make the request. */
type PrefetchRequest = [string, () => Promise<unknown>];

/** The requests started per GitopsApi (one in the app), so that a remounted tab finds the ones it started. */
const startedBy = new WeakMap<GitopsApi, Prefetched>();

/**
 * Starts each request that is not fresh already (see PREFETCH_REUSE_MS) and forgets the stale ones; a failure is
 * reported by the view that takes it, not as an unhandled rejection here.
 */
export function start(api: GitopsApi, requests: PrefetchRequest[]): Prefetched {
  const prefetched: Prefetched = startedBy.get(api) ?? new Map();
  startedBy.set(api, prefetched);
  const now = Date.now();
  for (const [key, request] of prefetched) {
    if (!isFresh(request, now)) prefetched.delete(key);
  }
  for (const [key, request] of requests) {
    if (prefetched.has(key)) continue;
    const entry: PrefetchedRequest = { promise: request(), startedAt: now };
    entry.promise.then(
      value => {
        entry.answer = { value };
      },
      () => undefined,
    );
    prefetched.set(key, entry);
  }
  return prefetched;
}

/** What a Component's tab opens with: its status and pipeline, and the live diff a `?diff=` link names. */
export function componentTabRequests(
  api: GitopsApi,
  entity: CompoundEntityRef,
  diffKey: string | null,
): PrefetchRequest[] {
  const entityRef = stringifyEntityRef(entity);
  const requests: PrefetchRequest[] = [
    [prefetchKeys.entityTab(entityRef), () => api.getEntityTab(entity)],
  ];
  if (diffKey) {
    requests.push([
      prefetchKeys.liveDiff(entityRef, diffKey),
      () => api.getLiveDiff(entity, diffKey),
    ]);
  }
  return requests;
}

/** What a Group's tab opens with: the team's status and the clusters' states. */
export function groupTabRequests(
  api: GitopsApi,
  team: CompoundEntityRef,
): PrefetchRequest[] {
  return [
    [
      prefetchKeys.teamStatus(stringifyEntityRef(team)),
      () => api.getTeamStatus(team),
    ],
    [prefetchKeys.clusters(), () => api.getClusters()],
  ];
}
