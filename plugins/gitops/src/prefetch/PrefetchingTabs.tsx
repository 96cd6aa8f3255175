import { Suspense, useMemo, type ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useSearchParams } from 'react-router-dom';
import { gitopsApiRef } from '../api';
import { LIVE_DIFF_PARAM } from './liveDiffParam';
import { PrefetchContext, type Prefetched } from './PrefetchContext';
import { entityGitopsContent, entityTeamOverview } from './tabCode';
import { componentTabRequests, groupTabRequests, start } from './tabRequests';

/*
 * The entity page renders a tab only once the tab's code has downloaded. These wrappers are in the plugin's eager
 * part (a few hundred bytes): they start the tab's first requests on render, then load the tab's code, so the
 * requests and the code download run side by side instead of one after the other.
 */

const EntityGitopsContent = entityGitopsContent.Component;
const EntityTeamOverview = entityTeamOverview.Component;

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
    () =>
      start(
        api,
        componentTabRequests(api, getCompoundEntityRef(entity), diffKey),
      ),
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
    () => start(api, groupTabRequests(api, getCompoundEntityRef(entity))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, teamRef],
  );
  return (
    <Prefetching prefetched={prefetched}>
      <EntityTeamOverview />
    </Prefetching>
  );
}
