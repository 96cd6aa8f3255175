import { useCallback, useMemo } from 'react';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { gitopsApiRef } from '../api';
import { useGitopsSignal } from './useGitopsSignal';
import { useRefetchableAsync } from './useRefetchableAsync';

function compoundRef(entity: Entity) {
  return {
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  };
}

/** Status and history of one entity, refetched when a signal names it. */
export function useEntityGitops(entity: Entity) {
  const api = useApi(gitopsApiRef);
  const ref = useMemo(() => compoundRef(entity), [entity]);
  const entityRef = stringifyEntityRef(entity);

  const status = useRefetchableAsync(
    () => api.getEntityStatus(ref),
    [api, ref],
  );
  const history = useRefetchableAsync(
    () => api.getEntityHistory(ref),
    [api, ref],
  );
  const { refetch: refetchStatus } = status;
  const { refetch: refetchHistory } = history;
  const refetch = useCallback(() => {
    refetchStatus();
    refetchHistory();
  }, [refetchStatus, refetchHistory]);
  const refs = useMemo(() => [entityRef], [entityRef]);
  useGitopsSignal(refs, refetch);

  return { status, history, entityRef };
}
