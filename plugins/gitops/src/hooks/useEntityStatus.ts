import { useMemo } from 'react';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { gitopsApiRef } from '../api';
import { useGitopsSignal } from './useGitopsSignal';
import { useRefetchableAsync } from './useRefetchableAsync';

/** The entity's status (its objects and their clusters), refetched when a signal names the entity. */
export function useEntityStatus(entity: Entity) {
  const api = useApi(gitopsApiRef);
  const ref = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const status = useRefetchableAsync(
    () => api.getEntityStatus(ref),
    [api, ref],
  );
  const refs = useMemo(() => [stringifyEntityRef(entity)], [entity]);
  useGitopsSignal(refs, status.refetch);
  return status;
}
