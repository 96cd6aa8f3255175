import { z } from 'zod';
import { timestampSchema } from './vocabulary';

/**
 * What a portal pull request did, from its branch `<prefix><verb>/<service>…` (default prefix `gitops/`).
 *
 * @public
 */
export const deliveryVerbSchema = z.enum([
  'create',
  'promote',
  'rollback',
  'claim',
  'decommission',
]);
/**
 * What a portal pull request did, read from its branch name.
 *
 * @public
 */
export type DeliveryVerb = z.infer<typeof deliveryVerbSchema>;

/**
 * One delivering object (Argo CD Application, Flux Kustomization/HelmRelease) on its way to the merge commit.
 *
 * @public
 */
export const deliveryTargetSchema = z.object({
  cluster: z.string(),
  /** Object key (`cluster/group/kind/namespace/name`). */
  key: z.string(),
  kind: z.string(),
  name: z.string(),
  /** First time the object was Synced at the merge commit (or a later commit containing it). */
  syncedAt: timestampSchema.optional(),
  /** The revision it was synced at (the merge commit or a descendant). */
  syncedRevision: z.string().optional(),
  /** First time it was Healthy at that revision, at or after syncedAt. */
  healthyAt: timestampSchema.optional(),
});
/**
 * One delivering object (Argo CD Application, Flux Kustomization or HelmRelease) on its way to the merge commit.
 *
 * @public
 */
export type DeliveryTarget = z.infer<typeof deliveryTargetSchema>;

/**
 * The delivery of one pull request to one environment: done when every target in it is synced, then healthy.
 *
 * @public
 */
export const deliveryEnvironmentSchema = z.object({
  environment: z.string(),
  /** The PR changed this environment's overlay (`apps/<service>/overlays/<environment>/`) or its cluster files. */
  changed: z.boolean(),
  /** When the last target of the environment got synced (absent until all are). */
  syncedAt: timestampSchema.optional(),
  /** When the last target of the environment got healthy (absent until all are). */
  healthyAt: timestampSchema.optional(),
  targets: z.array(deliveryTargetSchema),
});
/**
 * The delivery of one pull request to one environment.
 *
 * @public
 */
export type DeliveryEnvironment = z.infer<typeof deliveryEnvironmentSchema>;

/**
 * One pull request the portal opened for a service, and its path to running.
 *
 * @public
 */
export const deliverySchema = z.object({
  number: z.number().int().positive(),
  url: z.url(),
  title: z.string(),
  branch: z.string(),
  verb: deliveryVerbSchema,
  state: z.enum(['open', 'closed', 'merged']),
  openedAt: timestampSchema,
  mergedAt: timestampSchema.optional(),
  mergeCommit: z.string().optional(),
  /** In promotion order; empty until merged. */
  environments: z.array(deliveryEnvironmentSchema),
});
/**
 * One pull request the portal opened for a service, and its path to running.
 *
 * @public
 */
export type Delivery = z.infer<typeof deliverySchema>;

/**
 * GET deliveries of one entity, newest pull request first.
 *
 * @public
 */
export const deliveriesResponseSchema = z.object({
  entityRef: z.string(),
  /**
   * The config repos the pull requests live in (`owner/repo`, comma-separated, in environment order): those the
   * environments deploy from, else `gitops.configRepo`; absent when none is known.
   */
  configRepo: z.string().optional(),
  items: z.array(deliverySchema),
});
/**
 * The answer of GET deliveries of one entity, newest pull request first.
 *
 * @public
 */
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;

/**
 * Query of GET deliveries.
 *
 * @public
 */
export const deliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
/**
 * The GET deliveries query after parsing.
 *
 * @public
 */
export type DeliveriesQuery = z.output<typeof deliveriesQuerySchema>;
