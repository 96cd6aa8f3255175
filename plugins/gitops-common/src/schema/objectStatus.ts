import { z } from 'zod';
import {
  conditionSchema,
  engineSchema,
  healthSchema,
  healthSourceSchema,
  healthStatusSchema,
  operationPhaseSchema,
  syncStatusSchema,
  timestampSchema,
} from './vocabulary';
import { artifactGeneratorSchema } from './fluxArtifacts';
import { driftPolicyStatusSchema } from './driftPolicy';
import { clusterProvisioningSchema } from './clusterProvisioning';
import { syncStepSchema } from './syncOperation';
import { previewInfoSchema } from './previews';

/**
 * One resource an Argo CD Application manages (status.resources[]).
 *
 * @public
 */
export const managedResourceStatusSchema = z.object({
  /** '' for the core group. */
  group: z.string(),
  version: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  sync: syncStatusSchema,
  /** Absent where Argo CD has no health check for the kind (e.g. ConfigMap). */
  health: healthStatusSchema.optional(),
  message: z.string().optional(),
  requiresPruning: z.boolean().optional(),
});
/**
 * One resource an Argo CD Application manages (`status.resources[]`).
 *
 * @public
 */
export type ManagedResourceStatus = z.infer<typeof managedResourceStatusSchema>;

/**
 * A reference from one Kubernetes object to another.
 *
 * @public
 */
export const objectRefSchema = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  name: z.string(),
  namespace: z.string().optional(),
});
/**
 * A reference from one Kubernetes object to another.
 *
 * @public
 */
export type ObjectRef = z.infer<typeof objectRefSchema>;

/**
 * The last (or running) Argo CD sync operation.
 *
 * @public
 */
export const operationSchema = z.object({
  phase: operationPhaseSchema,
  message: z.string().optional(),
  startedAt: timestampSchema.optional(),
  finishedAt: timestampSchema.optional(),
  /** The resources of the operation with their sync phase and wave, in the order Argo CD lists them. */
  steps: z.array(syncStepSchema).optional(),
});
/**
 * The last (or running) Argo CD sync operation.
 *
 * @public
 */
export type Operation = z.infer<typeof operationSchema>;

/**
 * Where the desired state comes from.
 *
 * @public
 */
export const sourceSchema = z.object({
  repoURL: z.string().optional(),
  path: z.string().optional(),
  targetRevision: z.string().optional(),
  chart: z.string().optional(),
  /**
   * Helm values files as the engine names them: Argo CD `helm.valueFiles` (relative to `path`, or `$<ref>/<path>`
   * in another source's repo), Flux HelmRelease `chart.spec.valuesFiles` (relative to the chart source's root).
   */
  valueFiles: z.array(z.string()).optional(),
  /** Flux: the source object (GitRepository, OCIRepository, ...) an applier reads. */
  sourceRef: objectRefSchema.optional(),
});
/**
 * Where an object's desired state comes from.
 *
 * @public
 */
export type Source = z.infer<typeof sourceSchema>;

/**
 * One source of a multi-source Argo CD Application (spec.sources[i]) with the revision it is synced at.
 *
 * @public
 */
export const syncedSourceSchema = sourceSchema.extend({
  /** Argo CD `ref`: the name other sources read files (Helm values) from this one by. */
  ref: z.string().optional(),
  /** status.sync.revisions[i]: a commit SHA for a Git source, a chart version for a Helm repository. */
  revision: z.string().optional(),
});
/**
 * One source of a multi-source Argo CD Application with the revision it is synced at.
 *
 * @public
 */
export type SyncedSource = z.infer<typeof syncedSourceSchema>;

/**
 * Progressive-delivery progress: an Argo Rollouts Rollout or a Flagger Canary.
 *
 * @public
 */
export const rolloutInfoSchema = z.object({
  phase: z.string().optional(),
  message: z.string().optional(),
  currentStep: z.number().int().optional(),
  totalSteps: z.number().int().optional(),
  canaryWeight: z.number().optional(),
  stableRevision: z.string().optional(),
  canaryRevision: z.string().optional(),
  /** Flagger: failed metric checks of the current analysis. */
  failedChecks: z.number().int().optional(),
  /** Flagger: analysis iterations run (A/B testing and blue/green). */
  iterations: z.number().int().optional(),
});
/**
 * Progressive-delivery progress of an Argo Rollouts Rollout or a Flagger Canary.
 *
 * @public
 */
export type RolloutInfo = z.infer<typeof rolloutInfoSchema>;

/**
 * The zod schema of an object's Crossplane role: claim, composite or managed resource.
 *
 * @public
 */
export const crossplaneRoleSchema = z.enum([
  'claim',
  'composite',
  'managed',
  'xrd',
]);
/**
 * An object's Crossplane role: claim, composite or managed resource.
 *
 * @public
 */
export type CrossplaneRole = z.infer<typeof crossplaneRoleSchema>;

/**
 * Crossplane relationships: claim → composite → managed resources.
 *
 * @public
 */
export const crossplaneInfoSchema = z.object({
  role: crossplaneRoleSchema,
  compositeRef: objectRefSchema.optional(),
  resourceRefs: z.array(objectRefSchema).optional(),
  claimRef: objectRefSchema.optional(),
  connectionSecretRef: objectRefSchema.optional(),
});
/**
 * An object's Crossplane relationships: claim, composite and managed resources.
 *
 * @public
 */
export type CrossplaneInfo = z.infer<typeof crossplaneInfoSchema>;

/**
 * Set by the backend when the record comes from a cache it can no longer refresh.
 *
 * @public
 */
export const staleSchema = z.object({
  since: timestampSchema,
  ageSeconds: z.number().nonnegative(),
});
/**
 * Why a status record comes from a cache the backend can no longer refresh.
 *
 * @public
 */
export type Stale = z.infer<typeof staleSchema>;

/**
 * The ONE normalised status record of a GitOps object, whatever its engine.
 *
 * @public
 */
export const objectStatusSchema = z.object({
  /** Stable id: `cluster/apiGroup/kind/namespace/name` ('' for core group / cluster scope). */
  key: z.string(),
  engine: engineSchema,
  apiVersion: z.string(),
  kind: z.string(),
  cluster: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  uid: z.string().optional(),
  environment: z.string().optional(),
  /** Catalog entities the object belongs to; filled by the backend. */
  entityRefs: z.array(z.string()),
  /**
   * In one entity's status: the other entities that claim the object too, so the mapping is ambiguous (the object
   * shows on each of them). Absent when the entity is the only one.
   */
  alsoClaimedBy: z.array(z.string()).optional(),
  sync: syncStatusSchema,
  health: healthSchema,
  /** Which rule gave `health` (see healthSourceSchema); absent in older records. */
  healthSource: healthSourceSchema.optional(),
  operation: operationSchema.optional(),
  /** Deployed revision: a commit SHA where the engine reports one (else digest/version). */
  revision: z.string().optional(),
  /** The revision exactly as the engine wrote it (e.g. Flux `main@sha1:<sha>`). */
  revisionRaw: z.string().optional(),
  source: sourceSchema.optional(),
  /**
   * Every source of a multi-source Argo CD Application, in spec order, each with its revision (`source` and
   * `revision` are the first, as records without this field have them).
   */
  sources: z.array(syncedSourceSchema).optional(),
  lastTransitionTime: timestampSchema.optional(),
  conditions: z.array(conditionSchema),
  resources: z.array(managedResourceStatusSchema).optional(),
  /** Reconciliation is paused (Flux spec.suspend, Rollout pause, Flagger spec.suspend, Crossplane paused annotation). */
  suspended: z.boolean(),
  /** Argo CD Application, Flux Kustomization / HelmRelease: what the engine does about drift (absent for other kinds). */
  driftPolicy: driftPolicyStatusSchema.optional(),
  rollout: rolloutInfoSchema.optional(),
  crossplane: crossplaneInfoSchema.optional(),
  /** Cluster API objects: how far provisioning has got (phase, control plane, machines ready). */
  provisioning: clusterProvisioningSchema.optional(),
  /** Flux Kustomization/HelmRelease: what must be Ready before it is applied (`spec.dependsOn`). */
  dependsOn: z.array(objectRefSchema).optional(),
  /** Flux ArtifactGenerator: its sources and copy rules (where its ExternalArtifacts' files come from). */
  generator: artifactGeneratorSchema.optional(),
  /** A preview environment's pull request (objects generated per PR, see previews.ts); absent for the others. */
  preview: previewInfoSchema.optional(),
  observedAt: timestampSchema,
  stale: staleSchema.optional(),
});
/**
 * The one normalised status record of a GitOps object, whatever its engine.
 *
 * @public
 */
export type ObjectStatus = z.infer<typeof objectStatusSchema>;
