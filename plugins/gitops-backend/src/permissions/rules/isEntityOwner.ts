import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { gitopsEntityPermissionResourceRef } from '../resourceRef';

/** Entity refs compare case-insensitively in Backstage; the catalog lowercases kind and namespace only. */
const normalized = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The entity's owners: its `ownedBy` relations, plus `spec.owner` (relations are missing until it is processed). */
function ownersOf(entity: Entity): Set<string> {
  const owners = new Set(
    (entity.relations ?? [])
      .filter(relation => relation.type === RELATION_OWNED_BY)
      .map(relation => normalized(relation.targetRef)),
  );
  const owner = entity.spec?.owner;
  if (typeof owner === 'string' && owner) {
    try {
      owners.add(
        normalized(
          stringifyEntityRef(
            parseEntityRef(owner, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        ),
      );
    } catch {
      // A malformed owner owns nothing: the catalog would have rejected the entity anyway.
    }
  }
  return owners;
}

/**
 * Allows entities owned by one of the claims (a user's ownership refs: the user and their groups), by the entity's
 * `ownedBy` relations or its `spec.owner`.
 *
 * @public
 */
export const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description:
    'Allow entities owned (spec.owner or ownedBy relations) by one of the claims',
  resourceRef: gitopsEntityPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'Entity refs to match against the owners, usually the user and their groups',
      ),
  }),
  apply: (entity, { claims }) => {
    const owners = ownersOf(entity);
    return claims.some(claim => owners.has(normalized(claim)));
  },
  toQuery: ({ claims }) => ({ key: 'relations.ownedBy', values: claims }),
});
