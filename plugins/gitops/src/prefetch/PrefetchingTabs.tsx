import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useSearchParams } from 'react-router-dom';
import { gitopsApiRef, type GitopsApi } from '../api';
import { LIVE_DIFF_PARAM } from './liveDiffParam';
import {
  isFresh,
  PrefetchContext,
  prefetchKeys,
  type Prefetched,
} from './PrefetchContext';

/*
 * The entity page renders a tab only once the tab's code has downloaded. These wrappers are in the plugin's eager
 * part (a few hundred bytes): they start the tab's first requests on render, then load the tab's code, so the
 * requests and the code download run side by side instead of one after the other.
 */

const EntityGitopsContent = lazy(() =>
  import('../components/EntityGitopsContent').then(m => ({
    default: m.EntityGitopsContent,
  })),
);
const EntityTeamOverview = lazy(() =>
  import('../components/TeamOverview').then(m => ({
    default: m.EntityTeamOverview,
  })),
);

/** A prefetch: its key (see `prefetchKeys`) and how to make the request. */
type PrefetchRequest = [string, () => Promise<unknown>];

/** The requests started per GitopsApi (one in the app), so that a remounted tab finds the ones it started. */
const startedBy = new WeakMap<GitopsApi, Prefetched>();

/**
 * Starts each request that is not fresh already (see PREFETCH_REUSE_MS); a failure is reported by the view that
 * takes it, not as an unhandled rejection here.
 */
function start(api: GitopsApi, requests: PrefetchRequest[]): Prefetched {
  const prefetched: Prefetched = startedBy.get(api) ?? new Map();
  startedBy.set(api, prefetched);
  const now = Date.now();
  for (const [key, request] of requests) {
    if (isFresh(prefetched.get(key), now)) continue;
    const promise = request();
    promise.catch(() => undefined);
    prefetched.set(key, { promise, startedAt: now });
  }
  return prefetched;
}

function Prefetching(props: { prefetched: Prefetched; children: ReactNode }) {
  return (
    <PrefetchContext.Provider value={props.prefetched}>
      <Suspense fallback={<Progress />}>{props.children}</Suspense>
    </PrefetchContext.Provider>
  );
}

/** The GitOps tab of a Component: its status and pipeline (and the live diff `?diff=` names) requested at once. */
export function EntityGitopsTab() {
  const { entity } = useEntity();
  const api = useApi(gitopsApiRef);
  const [params] = useSearchParams();
  const entityRef = stringifyEntityRef(entity);
  const diffKey = params.get(LIVE_DIFF_PARAM);
  const prefetched = useMemo(
    () => {
      const ref = getCompoundEntityRef(entity);
      const requests: PrefetchRequest[] = [
        [prefetchKeys.entityTab(entityRef), () => api.getEntityTab(ref)],
      ];
      if (diffKey) {
        requests.push([
          prefetchKeys.liveDiff(entityRef, diffKey),
          () => api.getLiveDiff(ref, diffKey),
        ]);
      }
      return start(api, requests);
    },
    // Only what the tab opens with: a later `?diff=` is fetched by the diff it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityRef],
  );
  return (
    <Prefetching prefetched={prefetched}>
      <EntityGitopsContent />
    </Prefetching>
  );
}

/** The GitOps tab of a Group: the team's status and the clusters' states requested at once. */
export function EntityGitopsTeamTab() {
  const { entity } = useEntity();
  const api = useApi(gitopsApiRef);
  const teamRef = stringifyEntityRef(entity);
  const prefetched = useMemo(
    () =>
      start(api, [
        [
          prefetchKeys.teamStatus(teamRef),
          () => api.getTeamStatus(getCompoundEntityRef(entity)),
        ],
        [prefetchKeys.clusters(), () => api.getClusters()],
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, teamRef],
  );
  return (
    <Prefetching prefetched={prefetched}>
      <EntityTeamOverview />
    </Prefetching>
  );
}
