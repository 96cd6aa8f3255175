import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';

/**
 * The object marked stale since `since` (ms epoch) as of `now`, or unchanged while its cluster is fresh (`since`
 * undefined): objects of a cluster without good contact keep their status, marked stale. Both StatusStores mark
 * objects this way.
 */
export function withStaleMark<T extends Pick<ObjectStatus, 'stale'>>(
  object: T,
  since: number | undefined,
  now: number,
): T {
  if (since === undefined) return object;
  return {
    ...object,
    stale: {
      since: new Date(since).toISOString(),
      ageSeconds: Math.max(0, Math.round((now - since) / 1000)),
    },
  };
}
