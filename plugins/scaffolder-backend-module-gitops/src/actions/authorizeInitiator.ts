import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { gitopsChangePermission } from '@gitops-portal/plugin-gitops-common';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** What an action that changes existing entities asks for: one permission on each entity it touches. */
export interface EntityAuthorization {
  permission: ResourcePermission<'catalog-entity'>;
  /** Entity refs (`component:default/web`), the permission's resources. */
  entityRefs: string[];
}

/** What an action that adds something no entity stands for yet (a cluster) asks for: one basic permission. */
export interface BasicAuthorization {
  permission: BasicPermission;
}

/** The permission an action asks for its initiator: on the entities it changes, or for the user alone. */
export type InitiatorAuthorization = EntityAuthorization | BasicAuthorization;

/** The catalog entity of a service: the gitops actions name services by their `apps/<service>/` folder. */
export const serviceEntityRef = (service: string) =>
  `component:default/${service}`;

/**
 * The authorization of an action that changes one existing service (the `service` input): `permission` on its
 * entity, `gitops.change` unless the action needs a narrower one (promote, roll back, decommission).
 */
export const authorizeServiceChange =
  (permission: ResourcePermission<'catalog-entity'> = gitopsChangePermission) =>
  (input: { service: string }): EntityAuthorization => ({
    permission,
    entityRefs: [serviceEntityRef(input.service)],
  });

/**
 * Throws NotAllowedError unless the task's initiator has the permission: on
 * every entity, or, for a basic permission, at all. The credentials are the
 * initiator's in a real run and the requester's in a dry run (the scaffolder
 * passes them to both), so the decision is the same on every path. Call it
 * before the action reads, writes or logs anything of its input.
 */
export async function authorizeInitiator(
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
  permissions: PermissionsService,
  authorization: InitiatorAuthorization,
): Promise<void> {
  const credentials = await ctx.getInitiatorCredentials();
  if (!('entityRefs' in authorization)) {
    const { permission } = authorization;
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return;
  }
  const { permission, entityRefs } = authorization;
  const resources = [...new Set(entityRefs)];
  if (resources.length === 0) {
    throw new Error(`${permission.name} was asked for on no entity`);
  }
  const decisions = await permissions.authorize(
    resources.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  const denied = resources.filter(
    (_ref, i) => decisions[i]?.result !== AuthorizeResult.ALLOW,
  );
  if (denied.length > 0) {
    throw new NotAllowedError(
      `Not allowed: ${permission.name} on ${denied.join(', ')}`,
    );
  }
}
