import { InputError, NotFoundError } from '@backstage/errors';
import { liveDiffQuerySchema } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/** The managers whose desired state the live diff renders. */
const DIFFABLE = new Set([
  'argoproj.io/Application',
  'kustomize.toolkit.fluxcd.io/Kustomization',
]);

/**
 * `GET /entities/:kind/:namespace/:name/live-diff?key=<object key>`: per resource of one of the entity's Argo CD
 * Applications or Flux Kustomizations, its desired manifest (rendered from the config repo at the synced revision)
 * against its live object. `gitops.status.read` on the entity; the object must be one the entity owns.
 */
export function liveDiffRoutes({
  statusStore,
  entityFromRequest,
  liveDiff,
}: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/live-diff', async (req, res) => {
    const { key } = parse(liveDiffQuerySchema, req.query);
    const { entityRef } = await entityFromRequest(req);
    const { objects } = await statusStore.entityObjects(entityRef);
    const object = objects.find(candidate => candidate.key === key);
    if (!object) {
      throw new NotFoundError(`${entityRef} has no GitOps object ${key}`);
    }
    const group = object.apiVersion.split('/')[0];
    if (!DIFFABLE.has(`${group}/${object.kind}`)) {
      throw new InputError(
        `key: ${object.kind} ${object.name} is no Argo CD Application or Flux Kustomization`,
      );
    }
    res.json(await liveDiff.diff(object));
  });
  return router;
}
