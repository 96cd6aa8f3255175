import { useEffect, useMemo } from 'react';
import { matchPath, useLocation } from 'react-router-dom';
import { CodeSnippet } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { gitopsApiRef } from '../api';
import { LIVE_DIFF_PARAM } from './liveDiffParam';
import { entityGitopsContent, entityTeamOverview } from './tabCode';
import { componentTabRequests, groupTabRequests, start } from './tabRequests';

/**
 * The GitOps tabs' URL: the stock catalog's entity page path (`page:catalog/entity`) and the tabs' `path` (alpha
 * extensions). Written out rather than resolved from `entityRouteRef`: at the app's root, outside every page, the
 * app cannot resolve that route ref ("No path for routeRef"). An app that moves either path gets no prefetch; its
 * tabs load as they would without it.
 */
export const GITOPS_TAB_URL = '/catalog/:namespace/:kind/:name/gitops';

const isComponent = (kind: string | undefined) =>
  kind?.toLocaleLowerCase('en-US') === 'component';

/**
 * Rendered at the app's root: when the URL opens a Component's or a Group's GitOps tab, starts that tab's first
 * requests and its code download at once, from the entity ref in the URL. The stock entity page mounts its tabs
 * only after it has loaded its own code and the entity and its relations from the catalog (0.25–0.35 s on 2 cores);
 * the tab then finds both started (`start` hands the same requests out again) instead of starting them then. The
 * backend authorizes these requests as any other; an entity that is not in the catalog gets a 404 that nobody reads.
 * Only a change of path starts anything: `?diff=` changes within the tab are fetched by the diff they open.
 *
 * With a `?diff=` link it also renders a hidden, empty CodeSnippet: Backstage's CodeSnippet loads its highlighter
 * as a chunk of its own on its first render, so the diffs' first render would wait for that chunk after the tab
 * mounts; rendered here, the chunk is there by then.
 */
export function PrefetchTabFromUrl() {
  const { pathname, search } = useLocation();
  const api = useApi(gitopsApiRef);
  const tab = useMemo(
    () => matchPath(GITOPS_TAB_URL, pathname)?.params,
    [pathname],
  );
  useEffect(() => {
    const { kind, namespace, name } = tab ?? {};
    if (!kind || !namespace || !name) return;
    const ref = { kind, namespace, name };
    if (isComponent(kind)) {
      const diffKey = new URLSearchParams(search).get(LIVE_DIFF_PARAM);
      start(api, componentTabRequests(api, ref, diffKey));
      entityGitopsContent.load().catch(() => undefined);
    } else if (kind.toLocaleLowerCase('en-US') === 'group') {
      start(api, groupTabRequests(api, ref));
      entityTeamOverview.load().catch(() => undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, tab]);
  const opensDiff =
    isComponent(tab?.kind) && new URLSearchParams(search).has(LIVE_DIFF_PARAM);
  return opensDiff ? (
    <div hidden>
      <CodeSnippet text="" language="diff" />
    </div>
  ) : null;
}
