import {
  DeliveriesResponse,
  deliveriesQuerySchema,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/** `GET /entities/:kind/:namespace/:name/deliveries`: the delivery timeline, read-permission checked. */
export function deliveriesRoutes({
  deliveries,
  statusStore,
  entityFromRequest,
}: RouteContext) {
  const router = Router();
  router.get(
    '/entities/:kind/:namespace/:name/deliveries',
    async (req, res) => {
      const { limit } = parse(deliveriesQuerySchema, req.query);
      // The entity as the caller sees it (404 before 403); its annotation names the service.
      const { entityRef, service } = await entityFromRequest(req, {
        service: true,
      });
      const body: DeliveriesResponse = await deliveries.deliveries({
        entityRef,
        service,
        objects: (await statusStore.entityObjects(entityRef)).objects,
        limit,
      });
      res.json(body);
    },
  );
  return router;
}
