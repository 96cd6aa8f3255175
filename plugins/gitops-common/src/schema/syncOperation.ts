import { z } from 'zod';
import { operationPhaseSchema } from './vocabulary';

/**
 * Argo CD's sync phases, in the order a sync runs them (`SyncFail` only when it fails).
 *
 * @public
 */
export const syncPhaseSchema = z.enum([
  'PreSync',
  'Sync',
  'PostSync',
  'SyncFail',
]);

/**
 * An Argo CD sync phase.
 *
 * @public
 */
export type SyncPhase = z.infer<typeof syncPhaseSchema>;

/**
 * One resource of a sync operation (Argo CD `status.operationState.syncResult.resources[]`): the phase it ran in,
 * its wave where known (from `status.resources[].syncWave`, absent for hooks Argo CD does not list there), and how
 * it went: `status` for applied resources (`Synced`, `SyncFailed`, `Pruned`, `PruneSkipped`), `hookPhase` for hooks.
 *
 * @public
 */
export const syncStepSchema = z.object({
  /** '' for the core group. */
  group: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  syncPhase: syncPhaseSchema,
  wave: z.number().int().optional(),
  /** `PreSync`, `Sync`, `PostSync`, … for a hook. */
  hookType: z.string().optional(),
  hookPhase: operationPhaseSchema.optional(),
  status: z.string().optional(),
  message: z.string().optional(),
});

/**
 * One resource of a sync operation.
 *
 * @public
 */
export type SyncStep = z.infer<typeof syncStepSchema>;
