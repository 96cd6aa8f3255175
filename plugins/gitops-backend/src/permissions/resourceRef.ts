import { Entity } from '@backstage/catalog-model';
import { EntitiesSearchFilter } from '@backstage/plugin-catalog-node';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@gitops-portal/plugin-gitops-common';

/**
 * The resource behind every GitOps permission: a catalog entity, with conditions evaluated by the GitOps backend
 * (pluginId `gitops`). The resource type stays the catalog's (`catalog-entity`) so policies written for catalog
 * entities keep working for GitOps permissions, and the permission backend accepts either plugin's conditions.
 *
 * @public
 */
export const gitopsEntityPermissionResourceRef = createPermissionResourceRef<
  Entity,
  EntitiesSearchFilter
>().with({ pluginId: 'gitops', resourceType: RESOURCE_TYPE_CATALOG_ENTITY });
