import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeliveriesResponse,
  deliveriesQuerySchema,
  KUBERNETES_ID_LABEL,
} from '@gitops-portal/plugin-gitops-common';
import express from 'express';
import Router from 'express-promise-router';
import { PermissionGuard } from '../../permissionGuard';
import { entityParamsSchema, parse } from '../../router';
import { StatusReader } from '../StatusService';
import { DeliveryService } from './types';

/** `GET /entities/:kind/:namespace/:name/deliveries`: the delivery timeline, read-permission checked. */
export async function createDeliveriesRouter(options: {
  deliveries: DeliveryService;
  status: StatusReader;
  guard: PermissionGuard;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
}): Promise<express.Router> {
  const { deliveries, status, guard, catalog, httpAuth } = options;
  const router = Router();

  router.get(
    '/entities/:kind/:namespace/:name/deliveries',
    async (req, res) => {
      const entityRef = stringifyEntityRef(
        parse(entityParamsSchema, req.params),
      );
      const { limit } = parse(deliveriesQuerySchema, req.query);
      // The entity as the caller sees it: 404 before 403, like the status routes; its annotation names the service.
      const credentials = await httpAuth.credentials(req);
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
      await guard.authorizeEntity(req, entityRef);
      const service =
        entity.metadata.annotations?.[KUBERNETES_ID_LABEL] ??
        entity.metadata.name;
      const body: DeliveriesResponse = await deliveries.deliveries({
        entityRef,
        service,
        objects: (await status.entityObjects(entityRef)).objects,
        limit,
      });
      res.json(body);
    },
  );

  return router;
}
