import { EntityStatusResponse } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/** `GET /entities/:kind/:namespace/:name/status`: the entity's objects and their clusters. */
export function statusRoutes({ statusStore, entityFromRequest }: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    const { entityRef } = await entityFromRequest(req);
    const body: EntityStatusResponse = {
      entityRef,
      ...(await statusStore.entityObjects(entityRef)),
    };
    res.json(body);
  });
  return router;
}
