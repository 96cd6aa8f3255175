import {
  historyQuerySchema,
  HistoryResponse,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/** `GET /entities/:kind/:namespace/:name/history`: the entity's status transitions, newest first. */
export function historyRoutes({
  statusStore,
  entityFromRequest,
}: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    // Bad input answers 400 before the entity is looked up (the path names the entity, not the query).
    const query = parse(
      historyQuerySchema.omit({ entityRef: true }),
      req.query,
    );
    const { entityRef } = await entityFromRequest(req);
    const body: HistoryResponse = {
      items: await statusStore.history(entityRef, query),
    };
    res.json(body);
  });
  return router;
}
