import { NotAllowedError } from '@backstage/errors';
import {
  AdoptionResponse,
  adoptionQuerySchema,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/**
 * `GET /adoption?cluster=&namespace=[&kind=&name=]`: the live objects of a namespace (or of one workload and what
 * it references) that no Argo CD Application or Flux object manages, as clean manifests for the config repo, with
 * the Secrets refused and the objects skipped. Read with the portal's read-only cluster credentials. The objects
 * are unmanaged, so no entity claims them: like unowned objects in the overview, the caller (the user a scaffolder
 * task runs for) needs `gitops.status.read` allowed without conditions.
 */
export function adoptionRoutes({ guard, adoption }: RouteContext) {
  const router = Router();
  router.get('/adoption', async (req, res) => {
    const query = parse(adoptionQuerySchema, req.query);
    if (!(await guard.mayReadUnowned(req))) {
      throw new NotAllowedError(
        `Not allowed: gitops.status.read on the unmanaged objects of namespace ${query.namespace} in cluster ${query.cluster}`,
      );
    }
    const body: AdoptionResponse = await adoption.read(query);
    res.json(body);
  });
  return router;
}
