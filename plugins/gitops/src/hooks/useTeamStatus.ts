import { useMemo } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { gitopsApiRef } from '../api';
import { useGitopsSignal } from './useGitopsSignal';
import { useRefetchableAsync } from './useRefetchableAsync';

/** A team's status grid, refetched when a signal names the team or a service it owns. */
export function useTeamStatus(teamRef: string) {
  const api = useApi(gitopsApiRef);
  const state = useRefetchableAsync(
    () =>
      api.getTeamStatus(
        parseEntityRef(teamRef, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      ),
    [api, teamRef],
  );
  const refs = useMemo(
    () => [teamRef, ...(state.value?.rows.map(row => row.entityRef) ?? [])],
    [teamRef, state.value],
  );
  const shows = useMemo(() => [state.value], [state.value]);
  useGitopsSignal(refs, state.refetch, { shows });
  return state;
}
