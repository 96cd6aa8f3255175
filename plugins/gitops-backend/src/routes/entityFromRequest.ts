import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { KUBERNETES_ID_LABEL } from '@gitops-portal/plugin-gitops-common';
import { Request } from 'express';
import { PermissionGuard } from '../permissionGuard';
import { StatusStore } from '../services/StatusStore';
import { entityParamsSchema, parse, serviceSchema } from './parse';

type EntityPermission = ResourcePermission<'catalog-entity'>;

/** The entity a request's path names, as every entity route resolves it. */
export interface RequestEntity {
  entityRef: string;
}

/** The entity and the service name the config repo knows it by (its `backstage.io/kubernetes-id`, else its name). */
export interface RequestService extends RequestEntity {
  service: string;
}

/**
 * Resolves `/entities/:kind/:namespace/:name/…`: 400 for a malformed path, 404 unless the caller can see the entity,
 * 403 unless the caller has `permission` on it (default `gitops.status.read`), in that order.
 */
export interface EntityFromRequest {
  /** Status reads: an entity the status index knows needs no catalog call. */
  (
    req: Request,
    options?: { permission?: EntityPermission },
  ): Promise<RequestEntity>;
  /** Routes that need the service name always read the entity from the catalog, as the caller sees it. */
  (
    req: Request,
    options: { permission?: EntityPermission; service: true },
  ): Promise<RequestService>;
}

export function createEntityFromRequest(options: {
  statusStore: Pick<StatusStore, 'knowsEntity'>;
  guard: PermissionGuard;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  /** Called for an entity the catalog has but the status index does not know yet (registered since its last load). */
  onUnknownEntity?: (entityRef: string) => Promise<void>;
}): EntityFromRequest {
  const { statusStore, guard, catalog, httpAuth } = options;

  async function catalogEntity(req: Request, entityRef: string) {
    const credentials = await httpAuth.credentials(req);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    return entity;
  }

  function entityFromRequest(
    req: Request,
    options?: { permission?: EntityPermission },
  ): Promise<RequestEntity>;
  function entityFromRequest(
    req: Request,
    options: { permission?: EntityPermission; service: true },
  ): Promise<RequestService>;
  async function entityFromRequest(
    req: Request,
    {
      permission,
      service,
    }: { permission?: EntityPermission; service?: true } = {},
  ): Promise<RequestEntity & { service?: string }> {
    const entityRef = stringifyEntityRef(parse(entityParamsSchema, req.params));
    let entity: Entity | undefined;
    const known = statusStore.knowsEntity(entityRef);
    if (service || !known) {
      entity = await catalogEntity(req, entityRef);
    }
    // The catalog has it and the index not yet (registered since its last load): its objects are read next.
    if (!known) await options.onUnknownEntity?.(entityRef);
    await guard.authorizeEntity(req, entityRef, permission);
    if (!service || !entity) return { entityRef };
    return {
      entityRef,
      ...parse(serviceSchema, {
        service:
          entity.metadata.annotations?.[KUBERNETES_ID_LABEL] ??
          entity.metadata.name,
      }),
    };
  }
  return entityFromRequest;
}
