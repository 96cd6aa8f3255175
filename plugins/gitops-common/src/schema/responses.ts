import { z } from 'zod';
import { clusterStateSchema } from './cluster';
import { historyEntrySchema } from './history';
import { objectStatusSchema } from './objectStatus';
import { healthStatusSchema, syncStatusSchema } from './vocabulary';
import { xrdSchema } from './xrd';

/**
 * GET status of one entity.
 *
 * @public
 */
export const entityStatusResponseSchema = z.object({
  entityRef: z.string(),
  objects: z.array(objectStatusSchema),
  /** The clusters the objects come from, so the UI can flag stale data. */
  clusters: z.array(clusterStateSchema),
});
/**
 * The answer of GET status of one entity.
 *
 * @public
 */
export type EntityStatusResponse = z.infer<typeof entityStatusResponseSchema>;

/**
 * One entity's state in one environment, for the team grid.
 *
 * @public
 */
export const environmentCellSchema = z.object({
  sync: syncStatusSchema,
  health: healthStatusSchema,
  revision: z.string().optional(),
  stale: z.boolean().optional(),
});
/**
 * One entity's state in one environment, for the team grid.
 *
 * @public
 */
export type EnvironmentCell = z.infer<typeof environmentCellSchema>;

/**
 * The zod schema of one entity's row of the team grid: its state per environment and its worst health.
 *
 * @public
 */
export const teamStatusRowSchema = z.object({
  entityRef: z.string(),
  environments: z.record(z.string(), environmentCellSchema),
  worstHealth: healthStatusSchema,
});
/**
 * One entity's row of the team grid: its state per environment and its worst health.
 *
 * @public
 */
export type TeamStatusRow = z.infer<typeof teamStatusRowSchema>;

/**
 * GET status of a team: counts of every health and sync value (zeros included) and rows.
 *
 * @public
 */
export const teamStatusResponseSchema = z.object({
  team: z.string(),
  counts: z.object({
    byHealth: z.record(healthStatusSchema, z.number().int().nonnegative()),
    bySync: z.record(syncStatusSchema, z.number().int().nonnegative()),
    total: z.number().int().nonnegative(),
  }),
  rows: z.array(teamStatusRowSchema),
});
/**
 * The answer of GET status of a team: counts of every health and sync value, and the rows.
 *
 * @public
 */
export type TeamStatusResponse = z.infer<typeof teamStatusResponseSchema>;

/**
 * GET filterable overview; `total` counts all matches, `items` is one page.
 *
 * @public
 */
export const overviewResponseSchema = z.object({
  items: z.array(objectStatusSchema),
  total: z.number().int().nonnegative(),
});
/**
 * The answer of GET overview: one page of the matching objects and the total count.
 *
 * @public
 */
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;

/**
 * GET history of an entity, newest first.
 *
 * @public
 */
export const historyResponseSchema = z.object({
  items: z.array(historyEntrySchema),
});
/**
 * The answer of GET history of an entity, newest first.
 *
 * @public
 */
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

/**
 * GET clusters' connection states.
 *
 * @public
 */
export const clustersResponseSchema = z.object({
  items: z.array(clusterStateSchema),
});
/**
 * The answer of GET clusters: each cluster's connection state.
 *
 * @public
 */
export type ClustersResponse = z.infer<typeof clustersResponseSchema>;

/**
 * GET Crossplane XRDs with their claim schemas.
 *
 * @public
 */
export const xrdsResponseSchema = z.object({
  items: z.array(xrdSchema),
});
/**
 * The answer of GET xrds: the Crossplane XRDs with their claim schemas.
 *
 * @public
 */
export type XrdsResponse = z.infer<typeof xrdsResponseSchema>;

/**
 * Answer of POST promotion / rollback: the pull request opened.
 *
 * @public
 */
export const pullRequestResponseSchema = z.object({
  url: z.url(),
  number: z.number().int().positive(),
  branch: z.string(),
});
/**
 * The answer of POST promotion or rollback: the pull request opened.
 *
 * @public
 */
export type PullRequestResponse = z.infer<typeof pullRequestResponseSchema>;

/**
 * Answer of POST promotion / rollback with `dryRun=true`: the files the pull request would change, each as a unified
 * diff against the base branch (Secret values masked), after the same checks and validation; nothing was written.
 * `empty`: the base branch already has the change.
 *
 * @public
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
  /**
   * Where the files of each environment came from, one line per environment (e.g. `staging: from Application
   * argocd/web-staging spec.source.path (cluster dev)`); absent where the change does not look for them.
   */
  filesFrom: z.array(z.string()).optional(),
});
/**
 * The answer of POST promotion or rollback with `dryRun=true`: the files the pull request would change.
 *
 * @public
 */
export type PullRequestPreviewResponse = z.infer<
  typeof pullRequestPreviewResponseSchema
>;
