import { ServiceLayoutResponse } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { byDeliveryOrder } from '../services/Deliveries/deliveryTimeline';
import { RouteContext } from './types';

/**
 * `GET /entities/:kind/:namespace/:name/layout`: for each environment the entity's live objects are in (delivery
 * order first), the config-repo places they deploy from, as promotions find them (ConfigRepoLayout). The
 * decommission action removes these. Readable with the entity's status (the objects' sources are in it already); 400
 * when one environment's objects name two repositories.
 */
export function serviceLayoutRoutes({
  statusStore,
  layout,
  environments,
  entityFromRequest,
}: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/layout', async (req, res) => {
    const { entityRef } = await entityFromRequest(req);
    const { objects } = await statusStore.entityObjects(entityRef);
    const names = [
      ...new Set(objects.flatMap(o => (o.environment ? [o.environment] : []))),
    ].sort(byDeliveryOrder(environments()));
    const body: ServiceLayoutResponse = { entityRef, environments: [] };
    if (layout) {
      for (const environment of names) {
        body.environments.push({
          environment,
          ...(await layout.liveFiles(entityRef, environment, objects)),
        });
      }
    }
    res.json(body);
  });
  return router;
}
