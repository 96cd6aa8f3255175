import { GoldenPathOptionsResponse } from '@gitops-portal/plugin-gitops-common';
import {
  ClusterRequestSettings,
  readClusterRequestSettings,
  readConfigRepoLocation,
} from '@gitops-portal/plugin-gitops-node';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/** The choices of a cluster request: provider names and types, versions, bounds (not the providers' specs). */
function clusterRequestOptions(
  settings: ClusterRequestSettings,
): GoldenPathOptionsResponse['clusterRequest'] {
  return {
    providers: Object.entries(settings.providers).map(([name, provider]) => ({
      name,
      type: provider.type,
    })),
    kubernetesVersions: settings.kubernetesVersions,
    controlPlaneReplicas: settings.controlPlaneReplicas,
    workerReplicas: settings.workerReplicas,
  };
}

/**
 * `GET /golden-path-options`: the config repo, environments and clusters the templates' forms offer, read from the
 * backend's config and its clusters (never credentials), for signed-in callers. Templates then name none of them.
 * With `gitops.clusterRequest`, also the providers, Kubernetes versions and machine bounds a cluster request may take.
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
  const clusterRequest = config.has('gitops.clusterRequest')
    ? clusterRequestOptions(readClusterRequestSettings(config))
    : undefined;
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
      ...(clusterRequest ? { clusterRequest } : {}),
    };
    res.json(body);
  });
  return router;
}
