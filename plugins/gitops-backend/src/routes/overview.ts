import {
  OverviewResponse,
  overviewQuerySchema,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/** `GET /overview`: objects of readable entities, worst first, paged; unowned objects need an unconditional allow. */
export function overviewRoutes({ statusStore, guard }: RouteContext) {
  const router = Router();
  router.get('/overview', async (req, res) => {
    const query = parse(overviewQuerySchema, req.query);
    const matches = await statusStore.overviewObjects(query);
    const allowed = await guard.filterAuthorized(
      req,
      matches.flatMap(object => object.entityRefs),
    );
    const unowned =
      matches.some(object => object.entityRefs.length === 0) &&
      (await guard.mayReadUnowned(req));
    const visible = matches.filter(object =>
      object.entityRefs.length === 0
        ? unowned
        : object.entityRefs.some(ref => allowed.has(ref)),
    );
    const body: OverviewResponse = {
      items: visible.slice(query.offset, query.offset + query.limit),
      total: visible.length,
    };
    res.json(body);
  });
  return router;
}
