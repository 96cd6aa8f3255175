import { EntityTabResponse } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { entityStatusBody } from './status';
import { RouteContext } from './types';

/**
 * `GET /entities/:kind/:namespace/:name/tab`: what the entity's GitOps tab shows first (its status and promotion
 * pipeline) in one request instead of two, each built as its own route builds it. The entity is resolved and
 * read-permission checked as the pipeline route does (the catalog's entity names the service; 404 before 403), and
 * its objects are read once for both.
 */
export function entityTabRoutes({
  pipeline,
  statusStore,
  entityFromRequest,
}: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/tab', async (req, res) => {
    const { entityRef, service } = await entityFromRequest(req, {
      service: true,
    });
    const read = await statusStore.entityObjects(entityRef);
    const body: EntityTabResponse = {
      status: entityStatusBody(entityRef, read),
      pipeline: await pipeline.pipeline({
        entityRef,
        service,
        objects: read.objects,
      }),
    };
    res.json(body);
  });
  return router;
}
