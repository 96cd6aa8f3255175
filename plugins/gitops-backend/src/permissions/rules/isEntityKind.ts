import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { gitopsEntityPermissionResourceRef } from '../resourceRef';

/**
 * Allows entities of one of the kinds, e.g. `isEntityKind({ kinds: ['Component'] })` to keep writes to services.
 * Shipped so a policy can combine kind and ownership in one GitOps condition (one conditional decision is answered
 * by one plugin, so the catalog's own `isEntityKind` cannot join ours).
 *
 * @public
 */
export const isEntityKind = createPermissionRule({
  name: 'IS_ENTITY_KIND',
  description: 'Allow entities of one of the kinds',
  resourceRef: gitopsEntityPermissionResourceRef,
  paramsSchema: z.object({
    kinds: z
      .array(z.string())
      .describe('Entity kinds to match, case-insensitively'),
  }),
  apply: (entity, { kinds }) =>
    kinds.some(
      kind =>
        kind.toLocaleLowerCase('en-US') ===
        entity.kind.toLocaleLowerCase('en-US'),
    ),
  toQuery: ({ kinds }) => ({ key: 'kind', values: kinds }),
});
