import { useMemo } from 'react';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { EntityTabResponse } from '@gitops-portal/plugin-gitops-common';
import { useApi } from '@backstage/core-plugin-api';
import { gitopsApiRef } from '../api';
import { prefetchKeys, usePrefetched } from '../prefetch/PrefetchContext';
import { useGitopsSignal } from './useGitopsSignal';
import { useRefetchableAsync } from './useRefetchableAsync';

/**
 * What the entity's GitOps tab shows first (status and promotion pipeline) in one request, refetched when a signal
 * names the entity. The first answer is the one the tab started before its code loaded, when there is one.
 */
export function useEntityGitops(entity: Entity) {
  const api = useApi(gitopsApiRef);
  const take = usePrefetched();
  const ref = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const entityRef = stringifyEntityRef(entity);
  const tab = useRefetchableAsync(
    () =>
      take<EntityTabResponse>(prefetchKeys.entityTab(entityRef)) ??
      api.getEntityTab(ref),
    [api, ref, take],
  );
  const refs = useMemo(() => [entityRef], [entityRef]);
  useGitopsSignal(refs, tab.refetch);
  return { tab, entityRef };
}

/** The entity's history, refetched when a signal names the entity. */
export function useEntityHistory(entity: Entity) {
  const api = useApi(gitopsApiRef);
  const ref = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const history = useRefetchableAsync(
    () => api.getEntityHistory(ref),
    [api, ref],
  );
  const refs = useMemo(() => [stringifyEntityRef(entity)], [entity]);
  useGitopsSignal(refs, history.refetch);
  return history;
}
