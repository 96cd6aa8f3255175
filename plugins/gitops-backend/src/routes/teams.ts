import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import Router from 'express-promise-router';
import { parse, teamParamsSchema } from './parse';
import { RouteContext } from './types';

/**
 * `GET /teams/:namespace/:name/status`: the team's TeamView, only with the entities the caller may read (a member of
 * another team sees the rows they could read anyway, usually none).
 */
export function teamRoutes({
  statusStore,
  guard,
  catalog,
  httpAuth,
}: RouteContext) {
  const router = Router();
  router.get('/teams/:namespace/:name/status', async (req, res) => {
    const params = parse(teamParamsSchema, req.params);
    const team = stringifyEntityRef({ kind: 'group', ...params });
    if (!statusStore.hasTeam(team)) {
      const credentials = await httpAuth.credentials(req);
      if (!(await catalog.getEntityByRef(team, { credentials }))) {
        throw new NotFoundError(`No team ${team}`);
      }
    }
    const entityRefs = statusStore.teamEntities(team);
    const allowed = await guard.filterAuthorized(req, entityRefs);
    res.json(
      await statusStore.teamView(
        team,
        entityRefs.filter(ref => allowed.has(ref)),
      ),
    );
  });
  return router;
}
