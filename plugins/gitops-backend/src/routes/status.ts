import {
  EntityStatusResponse,
  withAmbiguity,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/** `GET /entities/:kind/:namespace/:name/status`: the entity's objects and their clusters. */
export function statusRoutes({ statusStore, entityFromRequest }: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    const { entityRef } = await entityFromRequest(req);
    const { objects, clusters } = await statusStore.entityObjects(entityRef);
    const body: EntityStatusResponse = {
      entityRef,
      objects: withAmbiguity(entityRef, objects),
      clusters,
    };
    res.json(body);
  });
  return router;
}
