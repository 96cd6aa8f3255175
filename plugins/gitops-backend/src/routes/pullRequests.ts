import {
  gitopsPromotePermission,
  gitopsRollbackPermission,
  promotionRequestSchema,
  pullRequestQuerySchema,
  rollbackRequestSchema,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/**
 * `POST …/promotions` and `POST …/rollbacks`: Git is the only write path, so both open (or update) a pull request
 * to the config repo, editing the files the entity's live objects deploy from (else the path template's, else a
 * known layout's). With `?dryRun=true` they answer with the change they would propose, as diffs, and where the
 * files came from, after the same permission check, input checks and validation, and write nothing.
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
      const { dryRun } = parse(pullRequestQuerySchema, req.query);
      const { from, to, version } = parse(promotionRequestSchema, req.body);
      knownEnvironment('from', from);
      knownEnvironment('to', to);
      const { entityRef, service } = await entityFromRequest(req, {
        permission: gitopsPromotePermission,
        service: true,
      });
      const request = { entityRef, service, from, to, version };
      if (dryRun === 'true') {
        res.json(await pullRequests.previewPromotion(request));
        return;
      }
      res.status(201).json(await pullRequests.promote(request));
    },
  );
  router.post(
    '/entities/:kind/:namespace/:name/rollbacks',
    async (req, res) => {
      const { dryRun } = parse(pullRequestQuerySchema, req.query);
      const { environment, toRevision } = parse(
        rollbackRequestSchema,
        req.body,
      );
      knownEnvironment('environment', environment);
      const { entityRef, service } = await entityFromRequest(req, {
        permission: gitopsRollbackPermission,
        service: true,
      });
      const request = { entityRef, service, environment, toRevision };
      if (dryRun === 'true') {
        res.json(await pullRequests.previewRollback(request));
        return;
      }
      res.status(201).json(await pullRequests.rollback(request));
    },
  );
  return router;
}
