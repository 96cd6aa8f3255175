import { z } from 'zod';
import { clusterStateSchema } from './cluster';
import { historyEntrySchema } from './history';
import { objectStatusSchema } from './objectStatus';
import { healthStatusSchema, syncStatusSchema } from './vocabulary';
import { xrdSchema } from './xrd';

/** GET status of one entity. */
export const entityStatusResponseSchema = z.object({
  entityRef: z.string(),
  objects: z.array(objectStatusSchema),
  /** The clusters the objects come from, so the UI can flag stale data. */
  clusters: z.array(clusterStateSchema),
});
export type EntityStatusResponse = z.infer<typeof entityStatusResponseSchema>;

/** One entity's state in one environment, for the team grid. */
export const environmentCellSchema = z.object({
  sync: syncStatusSchema,
  health: healthStatusSchema,
  revision: z.string().optional(),
  stale: z.boolean().optional(),
});
export type EnvironmentCell = z.infer<typeof environmentCellSchema>;

export const teamStatusRowSchema = z.object({
  entityRef: z.string(),
  environments: z.record(z.string(), environmentCellSchema),
  worstHealth: healthStatusSchema,
});
export type TeamStatusRow = z.infer<typeof teamStatusRowSchema>;

/** GET status of a team: counts of every health and sync value (zeros included) and rows. */
export const teamStatusResponseSchema = z.object({
  team: z.string(),
  counts: z.object({
    byHealth: z.record(healthStatusSchema, z.number().int().nonnegative()),
    bySync: z.record(syncStatusSchema, z.number().int().nonnegative()),
    total: z.number().int().nonnegative(),
  }),
  rows: z.array(teamStatusRowSchema),
});
export type TeamStatusResponse = z.infer<typeof teamStatusResponseSchema>;

/** GET filterable overview; `total` counts all matches, `items` is one page. */
export const overviewResponseSchema = z.object({
  items: z.array(objectStatusSchema),
  total: z.number().int().nonnegative(),
});
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;

/** GET history of an entity, newest first. */
export const historyResponseSchema = z.object({
  items: z.array(historyEntrySchema),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

/** GET clusters' connection states. */
export const clustersResponseSchema = z.object({
  items: z.array(clusterStateSchema),
});
export type ClustersResponse = z.infer<typeof clustersResponseSchema>;

/** GET Crossplane XRDs with their claim schemas. */
export const xrdsResponseSchema = z.object({
  items: z.array(xrdSchema),
});
export type XrdsResponse = z.infer<typeof xrdsResponseSchema>;

/** Answer of POST promotion / rollback: the pull request opened. */
export const pullRequestResponseSchema = z.object({
  url: z.url(),
  number: z.number().int().positive(),
  branch: z.string(),
});
export type PullRequestResponse = z.infer<typeof pullRequestResponseSchema>;

/**
 * Answer of POST promotion / rollback with `dryRun=true`: the files the pull request would change, each as a unified
 * diff against the base branch (Secret values masked), after the same checks and validation; nothing was written.
 * `empty`: the base branch already has the change.
 */
export const pullRequestPreviewResponseSchema = z.object({
  status: z.enum(['preview', 'empty']),
  branch: z.string(),
  files: z.array(
    z.object({
      path: z.string(),
      change: z.enum(['write', 'delete']),
      diff: z.string(),
    }),
  ),
});
export type PullRequestPreviewResponse = z.infer<
  typeof pullRequestPreviewResponseSchema
>;
