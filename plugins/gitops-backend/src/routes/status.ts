import {
  EntityStatusResponse,
  environmentObjects,
  withAmbiguity,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { StatusStore } from '../services/StatusStore';
import { RouteContext } from './types';

/**
 * The entity's objects (each marked when another entity claims it too) and their clusters, as the status route
 * answers: the objects of its environments, without its previews (`GET .../previews` lists those).
 */
export function entityStatusBody(
  entityRef: string,
  { objects, clusters }: Awaited<ReturnType<StatusStore['entityObjects']>>,
): EntityStatusResponse {
  return {
    entityRef,
    objects: withAmbiguity(entityRef, environmentObjects(objects)),
    clusters,
  };
}

/** `GET /entities/:kind/:namespace/:name/status`: the entity's objects (previews apart) and their clusters. */
export function statusRoutes({ statusStore, entityFromRequest }: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    const { entityRef } = await entityFromRequest(req);
    res.json(
      entityStatusBody(entityRef, await statusStore.entityObjects(entityRef)),
    );
  });
  return router;
}
