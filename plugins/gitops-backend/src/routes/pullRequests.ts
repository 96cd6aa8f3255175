import {
  gitopsPromotePermission,
  gitopsRollbackPermission,
  promotionRequestSchema,
  rollbackRequestSchema,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/**
 * `POST …/promotions` and `POST …/rollbacks`: Git is the only write path, so both open (or update) a pull request
 * to the config repo.
 */
export function pullRequestRoutes({
  pullRequests,
  entityFromRequest,
  knownEnvironment,
}: RouteContext) {
  const router = Router();
  router.post(
    '/entities/:kind/:namespace/:name/promotions',
    async (req, res) => {
      const { from, to } = parse(promotionRequestSchema, req.body);
      knownEnvironment('from', from);
      knownEnvironment('to', to);
      const { entityRef, service } = await entityFromRequest(req, {
        permission: gitopsPromotePermission,
        service: true,
      });
      res
        .status(201)
        .json(await pullRequests.promote({ entityRef, service, from, to }));
    },
  );
  router.post(
    '/entities/:kind/:namespace/:name/rollbacks',
    async (req, res) => {
      const { environment, toRevision } = parse(
        rollbackRequestSchema,
        req.body,
      );
      knownEnvironment('environment', environment);
      const { entityRef, service } = await entityFromRequest(req, {
        permission: gitopsRollbackPermission,
        service: true,
      });
      res.status(201).json(
        await pullRequests.rollback({
          entityRef,
          service,
          environment,
          toRevision,
        }),
      );
    },
  );
  return router;
}
