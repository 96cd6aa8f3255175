import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The catalog's resource type. Written out rather than imported from
 * @backstage/plugin-catalog-common/alpha, which this package does not depend on.
 */
export const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/**
 * Read the GitOps status of a catalog entity. A resource permission, so a
 * policy can make it conditional (e.g. on ownership of the entity).
 *
 * @public
 */
export const gitopsStatusReadPermission = createPermission({
  name: 'gitops.status.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Open a pull request promoting an entity from one environment to another.
 *
 * @public
 */
export const gitopsPromotePermission = createPermission({
  name: 'gitops.promote',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Open a pull request rolling an entity's environment back to an earlier revision.
 *
 * @public
 */
export const gitopsRollbackPermission = createPermission({
  name: 'gitops.rollback',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * All GitOps portal permissions.
 *
 * @public
 */
export const gitopsPermissions = [
  gitopsStatusReadPermission,
  gitopsPromotePermission,
  gitopsRollbackPermission,
];
