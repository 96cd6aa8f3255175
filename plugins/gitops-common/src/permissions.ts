import {
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';

/**
 * The resource type of every GitOps permission: the catalog's. Policies written for catalog entities (e.g. the
 * catalog's own `isEntityOwner`) then apply to GitOps permissions unchanged, and conditions the GitOps plugin ships
 * (pluginId `gitops`) are evaluated by the GitOps backend against the same entities. Written out rather than
 * imported from `@backstage/plugin-catalog-common/alpha`, which this package does not depend on.
 *
 * @public
 */
export const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/**
 * The prefix of every GitOps permission name: a policy answers these through the GitOps plugin's policy helper.
 *
 * @public
 */
export const GITOPS_PERMISSION_PREFIX = 'gitops.';

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
 * Open a pull request decommissioning an entity: removes its files from every environment.
 *
 * @public
 */
export const gitopsDecommissionPermission = createPermission({
  name: 'gitops.decommission',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Open any other pull request that changes an existing entity's files in the config repo (the generic
 * `gitops:pull-request` action, a claim added to an existing service).
 *
 * @public
 */
export const gitopsChangePermission = createPermission({
  name: 'gitops.change',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Open a pull request requesting a new Kubernetes cluster (`gitops:cluster:request`). A basic permission: the
 * cluster has no catalog entity until the request is merged, so a policy decides it for the user alone (the GitOps
 * backend's ready-made policy denies it, a write on no entity: an app's policy grants it to whom it chooses).
 *
 * @public
 */
export const gitopsClusterRequestPermission = createPermission({
  name: 'gitops.cluster.request',
  attributes: { action: 'create' },
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
  gitopsDecommissionPermission,
  gitopsChangePermission,
  gitopsClusterRequestPermission,
];

/**
 * Whether a permission is one of the GitOps plugin's (by its name's `gitops.` prefix, so permissions added later
 * are covered too).
 *
 * @public
 */
export function isGitopsPermission(permission: Permission): boolean {
  return permission.name.startsWith(GITOPS_PERMISSION_PREFIX);
}
