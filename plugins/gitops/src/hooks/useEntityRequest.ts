import { useMemo, type DependencyList } from 'react';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { gitopsApiRef, type GitopsApi } from '../api';
import { useGitopsSignal } from './useGitopsSignal';
import { useRefetchableAsync } from './useRefetchableAsync';

/**
 * One request about an entity, made again when a signal names the entity (the previous answer stays visible while
 * it runs, see `useRefetchableAsync`). `deps`: what `fetch` reads besides the API and the entity; `initial`: an answer
 * already there (prefetched), shown at once instead of requesting; `since`: when a prefetched answer was requested.
 */
export function useEntityRequest<T>(
  entity: Entity,
  fetch: (
    api: GitopsApi,
    ref: CompoundEntityRef,
    entityRef: string,
  ) => Promise<T>,
  deps: DependencyList = [],
  initial?: { value: T },
  since?: number,
) {
  const api = useApi(gitopsApiRef);
  const ref = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const entityRef = stringifyEntityRef(entity);
  const state = useRefetchableAsync(
    () => fetch(api, ref, entityRef),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref, ...deps],
    initial,
  );
  const refs = useMemo(() => [entityRef], [entityRef]);
  const shows = useMemo(() => [state.value], [state.value]);
  useGitopsSignal(refs, state.refetch, { since, shows });
  return state;
}
