import { z } from 'zod';
import { singleLineSchema } from './fields';
import { timestampSchema } from './vocabulary';

/**
 * GET …/live-diff query: `key` is the ObjectStatus key (`cluster/apiGroup/kind/namespace/name`) of one of the
 * entity's Argo CD Applications or Flux Kustomizations.
 *
 * @public
 */
export const liveDiffQuerySchema = z.object({
  key: singleLineSchema(1200).min(1, 'must not be empty'),
});
/**
 * The GET live-diff query: the status key of one of the entity's Applications or Kustomizations.
 *
 * @public
 */
export type LiveDiffQuery = z.infer<typeof liveDiffQuerySchema>;

/**
 * One entry of an Argo CD Application's `spec.ignoreDifferences`, as Argo CD defines it (`ResourceIgnoreDifferences`):
 * a filter (group and kind are globs, name and namespace exact; absent matches all) and the three ways to name what
 * to ignore. Parsed leniently from the cluster: unknown keys are dropped, wrong types fail the entry.
 *
 * @public
 */
export const ignoreDifferenceSchema = z.object({
  group: z.string().optional(),
  kind: z.string().optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  jsonPointers: z.array(z.string()).optional(),
  jqPathExpressions: z.array(z.string()).optional(),
  managedFieldsManagers: z.array(z.string()).optional(),
});
/**
 * One entry of an Argo CD Application's `spec.ignoreDifferences`.
 *
 * @public
 */
export type IgnoreDifference = z.infer<typeof ignoreDifferenceSchema>;

/**
 * How one resource compares: `differs`/`same` after normalisation, `missing-live` (desired but not in the cluster),
 * `missing-desired` (live, e.g. to be pruned, but not rendered from the config repo), `error` (it could not be read).
 *
 * @public
 */
export const liveDiffResourceStatusSchema = z.enum([
  'differs',
  'same',
  'missing-live',
  'missing-desired',
  'error',
]);
/**
 * How one resource of a live diff compares: differs, same, missing live, missing desired, or error.
 *
 * @public
 */
export type LiveDiffResourceStatus = z.infer<
  typeof liveDiffResourceStatusSchema
>;

/**
 * One managed resource: a unified diff of its normalised desired manifest (a/) against its live object (b/).
 *
 * @public
 */
export const liveDiffResourceSchema = z.object({
  /** '' for the core group. */
  group: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  status: liveDiffResourceStatusSchema,
  /** Unified diff (YAML, keys sorted, Secret values masked); empty when `same`. */
  diff: z.string(),
  /** Why the resource could not be compared (`error`). */
  message: z.string().optional(),
});
/**
 * One managed resource of a live diff, with the diff of its desired manifest against its live object.
 *
 * @public
 */
export type LiveDiffResource = z.infer<typeof liveDiffResourceSchema>;

/**
 * Where the desired manifests were rendered from.
 *
 * @public
 */
export const liveDiffDesiredSourceSchema = z.object({
  /** `owner/repo` of the config repo. */
  repo: z.string(),
  path: z.string(),
  /** The commit rendered: the synced revision (Argo CD `status.sync.revision`, Flux `lastAppliedRevision`). */
  revision: z.string(),
  renderer: z.enum(['kustomize', 'helm', 'directory']),
});
/**
 * Where the live diff's desired manifests were rendered from.
 *
 * @public
 */
export type LiveDiffDesiredSource = z.infer<typeof liveDiffDesiredSourceSchema>;

/**
 * GET …/live-diff response.
 *
 * @public
 */
export const liveDiffResponseSchema = z.object({
  key: z.string(),
  /** When the live objects were read. */
  readAt: timestampSchema,
  /** Absent when nothing could be rendered (see `notes`). */
  desired: liveDiffDesiredSourceSchema.optional(),
  /** Resources that differ first, then the rest. */
  resources: z.array(liveDiffResourceSchema),
  /** `ignoreDifferences` forms that were not applied, each naming the entry: reported, never silently dropped. */
  unsupported: z.array(z.string()),
  /** Anything else the reader should know (no desired source, resources left out, render failures). */
  notes: z.array(z.string()),
});
/**
 * The answer of GET live-diff.
 *
 * @public
 */
export type LiveDiffResponse = z.infer<typeof liveDiffResponseSchema>;
