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
  statusStore,
  guard,
}: RouteContext) {
  const router = Router();
  router.get('/golden-path-options', async (req, res) => {
    await guard.requireSignedIn(req);
    const location = readConfigRepoLocation(config);
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
      // In the order their first cluster is configured in: the order deliveries go through them.
      environments: [
        ...new Set(clusters.flatMap(cluster => cluster.environment ?? [])),
      ],
      clusters,
    };
    res.json(body);
  });
  return router;
}
