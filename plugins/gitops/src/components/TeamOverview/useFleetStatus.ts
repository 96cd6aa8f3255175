import { useCallback, useMemo, useState } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  ClustersResponse,
  TeamStatusResponse,
} from '@gitops-portal/plugin-gitops-common';
import { useApi } from '@backstage/core-plugin-api';
import { gitopsApiRef } from '../../api';
import { useGitopsSignal } from '../../hooks';
import { useRefetchableAsync } from '../../hooks/useRefetchableAsync';
import { prefetchKeys, usePrefetched } from '../../prefetch/PrefetchContext';
import { mergeTeamStatuses } from './teamRows';
import { carrySignalPosition } from '../../signals/signalPositions';

/** The teams' answers as one, including what all of them include (see `signalPositions.ts`). */
const mergedTeamStatuses = (parts: TeamStatusResponse[]) =>
  carrySignalPosition(mergeTeamStatuses(parts), parts);

const asTeam = (ref: string) =>
  parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' });

/**
 * The status of every service of `teamRefs` (one team-status request per team, in parallel) and the clusters'
 * connection states (for the stale ages), refetched when a signal names a team or one of its services. The first
 * answers are the ones a Group's tab started before its code loaded, when there are (in the first render when they
 * have arrived).
 */
export function useFleetStatus(teamRefs: readonly string[]) {
  const api = useApi(gitopsApiRef);
  const { take, takeAnswer, startedAt } = usePrefetched();
  const key = teamRefs.join('\n');
  // The earliest prefetch of what the view shows: a change since then is fetched again.
  const [since] = useState(() => {
    const started = [
      ...teamRefs.map(ref => startedAt(prefetchKeys.teamStatus(ref))),
      startedAt(prefetchKeys.clusters()),
    ].filter((at): at is number => at !== undefined);
    return started.length > 0 ? Math.min(...started) : undefined;
  });
  // Prefetched and answered before the view mounted (a Group's tab, usually): its rows render in the first render.
  const [answered] = useState(() => {
    const answers = teamRefs
      .filter(Boolean)
      .map(ref => takeAnswer<TeamStatusResponse>(prefetchKeys.teamStatus(ref)));
    return answers.length > 0 && answers.every(answer => answer)
      ? { value: mergedTeamStatuses(answers.map(answer => answer!.value)) }
      : undefined;
  });
  const [clustersAnswered] = useState(() =>
    takeAnswer<ClustersResponse>(prefetchKeys.clusters()),
  );
  const status = useRefetchableAsync(
    async () =>
      mergedTeamStatuses(
        await Promise.all(
          key
            .split('\n')
            .filter(Boolean)
            .map(
              ref =>
                take<TeamStatusResponse>(prefetchKeys.teamStatus(ref)) ??
                api.getTeamStatus(asTeam(ref)),
            ),
        ),
      ),
    [api, key, take],
    answered,
  );
  const clusters = useRefetchableAsync(
    () => take<ClustersResponse>(prefetchKeys.clusters()) ?? api.getClusters(),
    [api, take],
    clustersAnswered,
  );
  const { refetch: refetchStatus } = status;
  const { refetch: refetchClusters } = clusters;
  const refetch = useCallback(() => {
    refetchStatus();
    refetchClusters();
  }, [refetchStatus, refetchClusters]);
  const refs = useMemo(
    () => [
      ...key.split('\n'),
      ...(status.value?.rows.map(row => row.entityRef) ?? []),
    ],
    [key, status.value],
  );
  const shows = useMemo(
    () => [status.value, clusters.value],
    [status.value, clusters.value],
  );
  useGitopsSignal(refs, refetch, { since, shows });
  return { status, clusters: clusters.value?.items };
}

/**
 * The services of `teamRefs` with an object in `cluster` (from `/overview`, which knows clusters; the team rows
 * only know environments). Undefined while no cluster is picked or the answer is loading. Refetched whenever
 * `version` (the team status it narrows) changes.
 */
export function useServicesInCluster(
  teamRefs: readonly string[],
  cluster: string,
  version: unknown,
): ReadonlySet<string> | undefined {
  const api = useApi(gitopsApiRef);
  const key = teamRefs.join('\n');
  const state = useRefetchableAsync(async () => {
    if (!cluster) return undefined;
    const pages = await Promise.all(
      key
        .split('\n')
        .filter(Boolean)
        .map(team => api.getOverview({ team, cluster, limit: 1000 })),
    );
    return new Set(
      pages.flatMap(page => page.items.flatMap(item => item.entityRefs)),
    );
  }, [api, key, cluster, version]);
  return cluster ? state.value : undefined;
}
