import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { gitopsStatusReadPermission } from '@gitops-portal/plugin-gitops-common';
import { Request } from 'express';

/** The one place every route asks for permission (`gitops.status.read` unless another is named). */
export interface PermissionGuard {
  /** Throws NotAllowedError unless the caller has the permission (default: read the status) on the entity. */
  authorizeEntity(
    req: Request,
    entityRef: string,
    permission?: ResourcePermission<'catalog-entity'>,
  ): Promise<void>;
  /** The subset of entity refs the caller may read. */
  filterAuthorized(req: Request, entityRefs: string[]): Promise<Set<string>>;
  /** Objects no entity claims: allowed when the policy allows the permission without a resource. */
  mayReadUnowned(req: Request): Promise<boolean>;
  /** Throws unless a user or service is signed in (cluster and XRD routes). */
  requireSignedIn(req: Request): Promise<void>;
}

/** Resources per authorize request (each ~200 bytes of JSON). */
const AUTHORIZE_BATCH = 100;

export function createPermissionGuard(options: {
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
}): PermissionGuard {
  const { permissions, httpAuth } = options;
  const credentialsOf = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function filterAuthorized(
    req: Request,
    entityRefs: string[],
    permission: ResourcePermission<'catalog-entity'> = gitopsStatusReadPermission,
  ) {
    const unique = [...new Set(entityRefs)];
    const credentials = await credentialsOf(req);
    const allowed = new Set<string>();
    // The permission backend refuses bodies over 100 kB (413): a team of 500 services is ~100 kB in one request.
    const batches: string[][] = [];
    for (let i = 0; i < unique.length; i += AUTHORIZE_BATCH) {
      batches.push(unique.slice(i, i + AUTHORIZE_BATCH));
    }
    await Promise.all(
      batches.map(async batch => {
        const decisions = await permissions.authorize(
          batch.map(resourceRef => ({ permission, resourceRef })),
          { credentials },
        );
        batch.forEach((ref, j) => {
          if (decisions[j]?.result === AuthorizeResult.ALLOW) allowed.add(ref);
        });
      }),
    );
    return allowed;
  }

  return {
    async authorizeEntity(req, entityRef, permission) {
      const allowed = await filterAuthorized(req, [entityRef], permission);
      if (!allowed.has(entityRef)) {
        throw new NotAllowedError(
          `Not allowed: ${
            (permission ?? gitopsStatusReadPermission).name
          } on ${entityRef}`,
        );
      }
    },
    filterAuthorized: (req, entityRefs) => filterAuthorized(req, entityRefs),
    async mayReadUnowned(req) {
      const credentials = await credentialsOf(req);
      // Conditional decisions need an entity to evaluate against: unowned objects have none.
      const [decision] = await permissions.authorizeConditional(
        [{ permission: gitopsStatusReadPermission }],
        { credentials },
      );
      return decision?.result === AuthorizeResult.ALLOW;
    },
    async requireSignedIn(req) {
      await credentialsOf(req);
    },
  };
}
