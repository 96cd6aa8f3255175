import { XrdsResponse } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/** `GET /xrds`: the Crossplane XRDs of every cluster (claim schemas), for signed-in callers. */
export function xrdRoutes({ statusStore, guard }: RouteContext) {
  const router = Router();
  router.get('/xrds', async (req, res) => {
    await guard.requireSignedIn(req);
    const body: XrdsResponse = { items: await statusStore.xrds() };
    res.json(body);
  });
  return router;
}
