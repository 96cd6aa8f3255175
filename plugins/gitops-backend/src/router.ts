import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  gitopsPromotePermission,
  gitopsRollbackPermission,
  rollbackRequestSchema,
  KUBERNETES_ID_LABEL,
  promotionRequestSchema,
  ClustersResponse,
  EntityStatusResponse,
  historyQuerySchema,
  HistoryResponse,
  OverviewResponse,
  overviewQuerySchema,
  XrdsResponse,
} from '@gitops-portal/plugin-gitops-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PermissionGuard } from './permissionGuard';
import { PullRequestService } from './services/PullRequests';
import { StatusReader } from './services/StatusService';

const segment = z.string().min(1).max(253);
export const entityParamsSchema = z.object({
  kind: segment,
  namespace: segment,
  name: segment,
});
const teamParamsSchema = z.object({ namespace: segment, name: segment });

export function parse<T extends z.ZodType>(
  schema: T,
  input: unknown,
): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(issue => `${issue.path.join('.') || 'request'}: ${issue.message}`)
        .join('; '),
    );
  }
  return result.data;
}

export interface RouterOptions {
  status: StatusReader;
  guard: PermissionGuard;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  pullRequests: PullRequestService;
  /** Called for an entity the catalog has but the status index does not know yet (registered since its last load). */
  onUnknownEntity?: (entityRef: string) => Promise<void>;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { status, guard, catalog, httpAuth, pullRequests } = options;
  const router = Router();
  router.use(express.json());

  /** 404 unless the index or the catalog (as the caller sees it) knows the entity. */
  async function requireEntity(req: Request, entityRef: string) {
    if (status.knowsEntity(entityRef)) return;
    const credentials = await httpAuth.credentials(req);
    if (!(await catalog.getEntityByRef(entityRef, { credentials }))) {
      throw new NotFoundError(`No entity ${entityRef}`);
    }
    await options.onUnknownEntity?.(entityRef);
  }

  function entityRefOf(req: Request): string {
    return stringifyEntityRef(parse(entityParamsSchema, req.params));
  }

  /** The entity (404 if the caller cannot see it), after the permission check; its service name for the repo. */
  async function serviceFor(
    req: Request,
    entityRef: string,
    permission: typeof gitopsPromotePermission,
  ) {
    const credentials = await httpAuth.credentials(req);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    await guard.authorizeEntity(req, entityRef, permission);
    return (
      entity.metadata.annotations?.[KUBERNETES_ID_LABEL] ?? entity.metadata.name
    );
  }

  // Git is the only write path: promotions and rollbacks open (or update) pull requests to the config repo.
  router.post(
    '/entities/:kind/:namespace/:name/promotions',
    async (req, res) => {
      const entityRef = entityRefOf(req);
      const { from, to } = parse(promotionRequestSchema, req.body);
      const service = await serviceFor(req, entityRef, gitopsPromotePermission);
      res
        .status(201)
        .json(await pullRequests.promote({ entityRef, service, from, to }));
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/rollbacks',
    async (req, res) => {
      const entityRef = entityRefOf(req);
      const { environment, toRevision } = parse(
        rollbackRequestSchema,
        req.body,
      );
      const service = await serviceFor(
        req,
        entityRef,
        gitopsRollbackPermission,
      );
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

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    const entityRef = entityRefOf(req);
    await requireEntity(req, entityRef);
    await guard.authorizeEntity(req, entityRef);
    const body: EntityStatusResponse = {
      entityRef,
      ...(await status.entityObjects(entityRef)),
    };
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const entityRef = entityRefOf(req);
    const query = parse(historyQuerySchema, { ...req.query, entityRef });
    await requireEntity(req, entityRef);
    await guard.authorizeEntity(req, entityRef);
    const body: HistoryResponse = {
      items: await status.history(entityRef, query),
    };
    res.json(body);
  });

  router.get('/teams/:namespace/:name/status', async (req, res) => {
    const params = parse(teamParamsSchema, req.params);
    const team = stringifyEntityRef({ kind: 'group', ...params });
    if (!status.hasTeam(team)) {
      const credentials = await httpAuth.credentials(req);
      if (!(await catalog.getEntityByRef(team, { credentials }))) {
        throw new NotFoundError(`No team ${team}`);
      }
    }
    const allowed = await guard.filterAuthorized(
      req,
      status.teamEntities(team),
    );
    res.json(
      await status.teamStatus(
        team,
        status.teamEntities(team).filter(ref => allowed.has(ref)),
      ),
    );
  });

  router.get('/overview', async (req, res) => {
    const query = parse(overviewQuerySchema, req.query);
    const matches = await status.overviewObjects(query);
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

  router.get('/clusters', async (req, res) => {
    await guard.requireSignedIn(req);
    const body: ClustersResponse = { items: await status.clusters() };
    res.json(body);
  });

  router.get('/xrds', async (req, res) => {
    await guard.requireSignedIn(req);
    const body: XrdsResponse = { items: await status.xrds() };
    res.json(body);
  });

  return router;
}
