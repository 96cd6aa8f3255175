import { z } from 'zod';
import {
  healthStatusSchema,
  syncStatusSchema,
  timestampSchema,
} from './vocabulary';

/** One recorded change of an object's sync, health or revision. */
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
  at: timestampSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
