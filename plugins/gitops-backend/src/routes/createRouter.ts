import express from 'express';
import Router from 'express-promise-router';
import { GITOPS_SIGNAL_POSITION_HEADER } from '@gitops-portal/plugin-gitops-common';
import { createEnvironmentCheck } from '../clusters';
import { createPermissionGuard } from '../permissionGuard';
import { adoptionRoutes } from './adoption';
import { clusterRoutes } from './clusters';
import { deliveriesRoutes } from './deliveries';
import { deliveryMetricsRoutes } from './deliveryMetrics';
import { createEntityFromRequest } from './entityFromRequest';
import { entityTabRoutes } from './entityTab';
import { goldenPathOptionsRoutes } from './goldenPathOptions';
import { healthRoutes } from './health';
import { historyRoutes } from './history';
import { liveDiffRoutes } from './liveDiff';
import { overviewRoutes } from './overview';
import { pipelineRoutes } from './pipeline';
import { previewRoutes } from './previews';
import { pullRequestRoutes } from './pullRequests';
import { registrationPointsRoutes } from './registrationPoints';
import { serviceLayoutRoutes } from './serviceLayout';
import { signalRoutes } from './signals';
import { statusRoutes } from './status';
import { teamRoutes } from './teams';
import { RouterOptions } from './types';
import { validationEstateRoutes } from './validationEstate';
import { xrdRoutes } from './xrds';

/** The plugin's REST API: one router per resource, all resolving entities the same way. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  // One guard for every route: each asks it for the permission it needs.
  const guard = createPermissionGuard(options);
  const context = {
    ...options,
    guard,
    entityFromRequest: createEntityFromRequest({ ...options, guard }),
    knownEnvironment: createEnvironmentCheck(options.environments),
  };
  const router = Router();
  // Bodies up to 100 kB reach the schemas, whose field limits answer 400 naming the field; larger ones are a 413.
  router.use(express.json({ limit: '100kb' }));
  // Taken as the request arrives: the answer includes at least every change broadcast until then (see the header).
  router.use((_req, res, next) => {
    res.setHeader(GITOPS_SIGNAL_POSITION_HEADER, options.publisher.position());
    // Readable by an app served from another origin (the frontend dev server) too.
    res.setHeader(
      'Access-Control-Expose-Headers',
      GITOPS_SIGNAL_POSITION_HEADER,
    );
    next();
  });
  router.use(healthRoutes());
  for (const routes of [
    statusRoutes,
    previewRoutes,
    historyRoutes,
    deliveriesRoutes,
    liveDiffRoutes,
    adoptionRoutes,
    pipelineRoutes,
    entityTabRoutes,
    deliveryMetricsRoutes,
    pullRequestRoutes,
    serviceLayoutRoutes,
    teamRoutes,
    overviewRoutes,
    clusterRoutes,
    xrdRoutes,
    goldenPathOptionsRoutes,
    registrationPointsRoutes,
    validationEstateRoutes,
    signalRoutes,
  ]) {
    router.use(routes(context));
  }
  return router;
}
