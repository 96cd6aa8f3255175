import { z } from 'zod';

/**
 * One version of a Crossplane CompositeResourceDefinition, with its claim schema.
 *
 * @public
 */
export const xrdVersionSchema = z.object({
  name: z.string(),
  served: z.boolean(),
  referenceable: z.boolean(),
  /** The version's openAPIV3Schema (a JSON schema object). */
  schema: z.record(z.string(), z.unknown()),
});
/**
 * One version of a Crossplane CompositeResourceDefinition, with its claim schema.
 *
 * @public
 */
export type XrdVersion = z.infer<typeof xrdVersionSchema>;

/**
 * A Crossplane CompositeResourceDefinition as the portal shows it.
 *
 * @public
 */
export const xrdSchema = z.object({
  name: z.string(),
  group: z.string(),
  compositeKind: z.string(),
  claimKind: z.string().optional(),
  claimPlural: z.string().optional(),
  versions: z.array(xrdVersionSchema),
  cluster: z.string(),
});
/**
 * A Crossplane CompositeResourceDefinition as the portal shows it.
 *
 * @public
 */
export type Xrd = z.infer<typeof xrdSchema>;
