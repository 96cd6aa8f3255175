import { z } from 'zod';
import {
  healthStatusSchema,
  syncStatusSchema,
  timestampSchema,
} from './vocabulary';

/**
 * What one source of a multi-source Argo CD Application reads (`spec.sources[i]`).
 *
 * @public
 */
export const historySourceSchema = z.object({
  repoURL: z.string(),
  chart: z.string().optional(),
});
/**
 * What one source of a multi-source Argo CD Application reads, as a history entry records it.
 *
 * @public
 */
export type HistorySource = z.infer<typeof historySourceSchema>;

/**
 * One recorded change of an object's sync, health or revision.
 *
 * @public
 */
export const historyEntrySchema = z.object({
  id: z.string(),
  key: z.string(),
  entityRef: z.string().optional(),
  cluster: z.string(),
  environment: z.string().optional(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  /** Empty on the first observation of the object. */
  from: z.object({
    sync: syncStatusSchema.optional(),
    health: healthStatusSchema.optional(),
    revision: z.string().optional(),
    /** Every source's revision of a multi-source Argo CD Application, in `spec.sources` order. */
    revisions: z.array(z.string()).optional(),
  }),
  to: z.object({
    sync: syncStatusSchema,
    health: healthStatusSchema,
    revision: z.string().optional(),
    /** Every source's revision of a multi-source Argo CD Application, in `spec.sources` order. */
    revisions: z.array(z.string()).optional(),
  }),
  /**
   * A multi-source Argo CD Application: what each of `revisions` belongs to, in `spec.sources` order. Absent on
   * rows recorded before sources were kept.
   */
  sources: z.array(historySourceSchema).optional(),
  at: timestampSchema,
});
/**
 * One recorded change of an object's sync, health or revision.
 *
 * @public
 */
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
