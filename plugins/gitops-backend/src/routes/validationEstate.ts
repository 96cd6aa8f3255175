import { NotAllowedError } from '@backstage/errors';
import { validationEstateQuerySchema } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/**
 * `GET /validation-estate?environment=<env>`: the CRDs and policies of the environment's clusters that validation
 * of a change applies (`{ estates: ClusterEstate[] }`), for other backend plugins only (the scaffolder module, whose
 * actions cannot share the backend's service). It holds no Secret (none is read), but it is the estate's whole
 * policy set and CRD list, so a user token is refused: a plugin asks on a user's behalf after its own permission
 * check (the actions' `authorizeInitiator`).
 */
export function validationEstateRoutes({
  httpAuth,
  validationEstate,
  knownEnvironment,
}: RouteContext) {
  const router = Router();
  router.get('/validation-estate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service', 'user'],
    });
    if (credentials.principal.type !== 'service') {
      throw new NotAllowedError(
        'The validation estate is served to backend plugins (service principals) only',
      );
    }
    const { environment } = parse(validationEstateQuerySchema, req.query);
    knownEnvironment('environment', environment);
    res.json({
      estates: (await validationEstate?.forEnvironment(environment)) ?? [],
    });
  });
  return router;
}
