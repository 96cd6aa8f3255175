import { GoldenPathOptionsResponse } from '@gitops-portal/plugin-gitops-common';
import { readConfigRepoLocation } from '@gitops-portal/plugin-gitops-node';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/**
 * `GET /golden-path-options`: the config repo, environments and clusters the templates' forms offer, read from the
 * backend's config and its clusters (never credentials), for signed-in callers. Templates then name none of them.
 */
export function goldenPathOptionsRoutes({
  config,
  environments,
  statusStore,
  guard,
}: RouteContext) {
  const router = Router();
  // Read once: the config repo does not change at run time (clusters and environments may).
  const location = readConfigRepoLocation(config);
  router.get('/golden-path-options', async (req, res) => {
    await guard.requireSignedIn(req);
    const clusters = (await statusStore.clusters()).map(
      ({ name, environment }) => ({ name, environment }),
    );
    const body: GoldenPathOptionsResponse = {
      configRepos: location
        ? [
            {
              ...location,
              repoUrl: `${location.host}?owner=${encodeURIComponent(
                location.owner,
              )}&repo=${encodeURIComponent(location.repo)}`,
            },
          ]
        : [],
      environments: environments(),
      clusters,
    };
    res.json(body);
  });
  return router;
}
