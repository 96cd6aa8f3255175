import { z } from 'zod';
import { timestampSchema } from './vocabulary';

/** How the backend's watch of one kind in one cluster is doing. */
export const watchedKindSchema = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  state: z.enum(['watching', 'absent', 'forbidden', 'error']),
  message: z.string().optional(),
});
export type WatchedKind = z.infer<typeof watchedKindSchema>;

export const clusterConnectionStateSchema = z.enum([
  'ok',
  'degraded',
  'unreachable',
  'unauthorized',
]);
export type ClusterConnectionState = z.infer<
  typeof clusterConnectionStateSchema
>;

/** The connection state of one configured cluster. */
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
export type ClusterState = z.infer<typeof clusterStateSchema>;
