import { useState } from 'react';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { EntityTabResponse } from '@gitops-portal/plugin-gitops-common';
import { prefetchKeys, usePrefetched } from '../prefetch/PrefetchContext';
import { useEntityRequest } from './useEntityRequest';

/**
 * What the entity's GitOps tab shows first (status and promotion pipeline) in one request, refetched when a signal
 * names the entity. The first answer is the one the tab started before its code loaded, when there is one.
 */
export function useEntityGitops(entity: Entity) {
  const { take, takeAnswer, startedAt } = usePrefetched();
  const key = prefetchKeys.entityTab(stringifyEntityRef(entity));
  // When the prefetch started, read before it is taken: a change the entity had since then is fetched again.
  const [since] = useState(() => startedAt(key));
  // Prefetched and answered before the tab mounted (the usual case): rendered at once, no loading state first.
  const [answered] = useState(() => takeAnswer<EntityTabResponse>(key));
  const tab = useEntityRequest(
    entity,
    (api, ref, entityRef) =>
      take<EntityTabResponse>(prefetchKeys.entityTab(entityRef)) ??
      api.getEntityTab(ref),
    [take],
    answered,
    since,
  );
  return { tab };
}

/** The entity's history, refetched when a signal names the entity. */
export function useEntityHistory(entity: Entity) {
  return useEntityRequest(entity, (api, ref) => api.getEntityHistory(ref));
}
