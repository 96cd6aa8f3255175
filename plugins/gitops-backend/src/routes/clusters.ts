import { ClustersResponse } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/** `GET /clusters`: every configured cluster's connection state (never credentials), for signed-in callers. */
export function clusterRoutes({ statusStore, guard }: RouteContext) {
  const router = Router();
  router.get('/clusters', async (req, res) => {
    await guard.requireSignedIn(req);
    const body: ClustersResponse = { items: await statusStore.clusters() };
    res.json(body);
  });
  return router;
}
