import {
  EntityPreviewsResponse,
  ObjectStatus,
  PreviewEnvironment,
} from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { RouteContext } from './types';

/** The entity's objects generated per pull request (their status record carries `preview`), newest PR first. */
function previewEnvironments(objects: ObjectStatus[]): PreviewEnvironment[] {
  return objects
    .flatMap(object =>
      object.preview
        ? [
            {
              key: object.key,
              cluster: object.cluster,
              kind: object.kind,
              name: object.name,
              health: object.health.status,
              sync: object.sync,
              ...object.preview,
            },
          ]
        : [],
    )
    .sort((a, b) => b.pullRequestNumber - a.pullRequestNumber);
}

/**
 * `GET /entities/:kind/:namespace/:name/previews`: the entity's live preview environments, one per open pull request
 * of its repository. The engine deletes a closed PR's Application (or Kustomization), so the watch removes it here.
 */
export function previewRoutes({
  statusStore,
  entityFromRequest,
}: RouteContext) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/previews', async (req, res) => {
    const { entityRef } = await entityFromRequest(req);
    const { objects } = await statusStore.entityObjects(entityRef);
    const body: EntityPreviewsResponse = {
      entityRef,
      previews: previewEnvironments(objects),
    };
    res.json(body);
  });
  return router;
}
