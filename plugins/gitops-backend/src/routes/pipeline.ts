import { PipelineResponse } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/**
 * `GET /entities/:kind/:namespace/:name/pipeline`: the entity's promotion pipeline (environments in delivery order,
 * what runs in each, what differs between neighbours), read-permission checked like its status.
 */
export function pipelineRoutes({
  pipeline,
  statusStore,
  entityFromRequest,
}: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/pipeline', async (req, res) => {
    // The entity as the caller sees it (404 before 403); its annotation names the service's config-repo folder.
    const { entityRef, service } = await entityFromRequest(req, {
      service: true,
    });
    const body: PipelineResponse = await pipeline.pipeline({
      entityRef,
      service,
      objects: (await statusStore.entityObjects(entityRef)).objects,
    });
    res.json(body);
  });
  return router;
}
