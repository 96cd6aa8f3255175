import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** What an action that changes existing entities asks for: one permission on each entity it touches. */
export interface InitiatorAuthorization {
  permission: ResourcePermission<'catalog-entity'>;
  /** Entity refs (`component:default/web`), the permission's resources. */
  entityRefs: string[];
}

/** The catalog entity of a service: the gitops actions name services by their `apps/<service>/` folder. */
export const serviceEntityRef = (service: string) =>
  `component:default/${service}`;

/**
 * Throws NotAllowedError unless the task's initiator has the permission on
 * every entity. The credentials are the initiator's in a real run and the
 * requester's in a dry run (the scaffolder passes them to both), so the
 * decision is the same on every path. Call it before the action reads,
 * writes or logs anything of its input.
 */
export async function authorizeInitiator(
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
  permissions: PermissionsService,
  { permission, entityRefs }: InitiatorAuthorization,
): Promise<void> {
  const resources = [...new Set(entityRefs)];
  if (resources.length === 0) {
    throw new Error(`${permission.name} was asked for on no entity`);
  }
  const decisions = await permissions.authorize(
    resources.map(resourceRef => ({ permission, resourceRef })),
    { credentials: await ctx.getInitiatorCredentials() },
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
