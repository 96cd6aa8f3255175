import { z } from 'zod';
import { timestampSchema } from './vocabulary';

/**
 * How the backend's watch of one kind in one cluster is doing.
 *
 * @public
 */
export const watchedKindSchema = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  state: z.enum(['watching', 'absent', 'forbidden', 'error']),
  message: z.string().optional(),
});
/**
 * How the backend's watch of one kind in one cluster is doing.
 *
 * @public
 */
export type WatchedKind = z.infer<typeof watchedKindSchema>;

/**
 * The zod schema of a cluster's connection state: ok, degraded or unreachable.
 *
 * @public
 */
export const clusterConnectionStateSchema = z.enum([
  'ok',
  'degraded',
  'unreachable',
  'unauthorized',
]);
/**
 * A cluster's connection state: ok, degraded or unreachable.
 *
 * @public
 */
export type ClusterConnectionState = z.infer<
  typeof clusterConnectionStateSchema
>;

/**
 * The connection state of one configured cluster.
 *
 * @public
 */
export const clusterStateSchema = z.object({
  name: z.string(),
  environment: z.string().optional(),
  state: clusterConnectionStateSchema,
  message: z.string().optional(),
  lastContact: timestampSchema.optional(),
  /** Set while the backend serves cached data for this cluster. */
  staleSince: timestampSchema.optional(),
  kinds: z.array(watchedKindSchema),
});
/**
 * The connection state of one configured cluster.
 *
 * @public
 */
export type ClusterState = z.infer<typeof clusterStateSchema>;
