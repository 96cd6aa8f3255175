import { RegistrationPointsResponse } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/**
 * `GET /registration-points`: the app-of-apps folders and ApplicationSets (git generators) of the config repo, the
 * targets the new-service form offers, for signed-in callers (what the golden-path options are to: folder and
 * ApplicationSet names, never file contents).
 */
export function registrationPointsRoutes({
  registrationPoints,
  guard,
}: RouteContext) {
  const router = Router();
  router.get('/registration-points', async (req, res) => {
    await guard.requireSignedIn(req);
    const body: RegistrationPointsResponse = {
      points: (await registrationPoints?.list()) ?? [],
    };
    res.json(body);
  });
  return router;
}
