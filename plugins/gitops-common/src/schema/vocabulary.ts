import { z } from 'zod';

/**
 * Who reconciles an object: the delivery engines, then the projects platform teams run next to them
 * (one value each, so the overview can filter by the controller to look at), and `kubernetes` for the
 * core kinds an Application manages.
 *
 * @public
 */
export const engineSchema = z.enum([
  'argocd',
  'flux',
  'crossplane',
  'argo-rollouts',
  'flagger',
  'cert-manager',
  'external-secrets',
  'sealed-secrets',
  'cluster-api',
  'kubernetes',
]);
/**
 * Who reconciles an object, as `engineSchema` lists them.
 *
 * @public
 */
export type Engine = z.infer<typeof engineSchema>;

/**
 * Argo CD's sync vocabulary, used for every engine.
 *
 * @public
 */
export const syncStatusSchema = z.enum(['Synced', 'OutOfSync', 'Unknown']);
/**
 * Argo CD's sync vocabulary (`Synced`, `OutOfSync`, `Unknown`), used for every engine.
 *
 * @public
 */
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/**
 * Argo CD's health vocabulary (gitops-engine health codes), used for every engine.
 *
 * @public
 */
export const healthStatusSchema = z.enum([
  'Healthy',
  'Progressing',
  'Degraded',
  'Suspended',
  'Missing',
  'Unknown',
]);
/**
 * Argo CD's health vocabulary (gitops-engine health codes), used for every engine.
 *
 * @public
 */
export type HealthStatus = z.infer<typeof healthStatusSchema>;

/**
 * A health status with the message that explains it.
 *
 * @public
 */
export const healthSchema = z.object({
  status: healthStatusSchema,
  message: z.string().optional(),
});
/**
 * A health status with the message that explains it.
 *
 * @public
 */
export type Health = z.infer<typeof healthSchema>;

/**
 * Where an object's health comes from: `argocd-application` — the health the managing Argo CD Application reports
 * for it (`status.resources[].health`, which includes the custom health of the cluster's `argocd-cm`);
 * `custom-script` — a `resource.customizations.health` Lua script (the cluster's `argocd-cm` or the portal's
 * config); `builtin` — the portal's own rule for the kind. Absent in records written before it existed.
 *
 * @public
 */
export const healthSourceSchema = z.enum([
  'argocd-application',
  'custom-script',
  'builtin',
]);
/**
 * Where an object's health comes from, as `healthSourceSchema` lists them.
 *
 * @public
 */
export type HealthSource = z.infer<typeof healthSourceSchema>;

/**
 * Argo CD operation phases (status.operationState.phase).
 *
 * @public
 */
export const operationPhaseSchema = z.enum([
  'Running',
  'Succeeded',
  'Failed',
  'Error',
  'Terminating',
]);
/**
 * An Argo CD operation phase (`status.operationState.phase`).
 *
 * @public
 */
export type OperationPhase = z.infer<typeof operationPhaseSchema>;

/**
 * An RFC 3339 timestamp; Kubernetes writes `Z`, other producers may write offsets.
 *
 * @public
 */
export const timestampSchema = z.iso.datetime({ offset: true });

/**
 * A status condition. Kubernetes-style conditions carry `status`; Argo CD
 * application conditions carry only type, message and time, so `status` is optional.
 *
 * @public
 */
export const conditionSchema = z.object({
  type: z.string(),
  status: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: timestampSchema.optional(),
  observedGeneration: z.number().int().optional(),
});
/**
 * A status condition, Kubernetes-style or Argo CD's (without `status`).
 *
 * @public
 */
export type Condition = z.infer<typeof conditionSchema>;
