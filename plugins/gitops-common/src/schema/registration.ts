import { z } from 'zod';
import { repoPathSchema, singleLineSchema } from './fields';

/*
 * Where a new service is registered with Argo CD (issue 17, point 3): its own Applications (`standalone`, the
 * golden path's default), Application manifests in an existing app-of-apps folder, or an entry an existing
 * ApplicationSet's git generator picks up. The targets are what the config repo's discovery found
 * (`registrationPointSchema`); the scaffolder action refuses one discovery did not find.
 */

/**
 * How a new service is registered: `target` is an app-of-apps folder (a repo path) or an ApplicationSet's name;
 * `perEnvironment` registers each environment at the point of `via`'s kind that serves it.
 *
 * @public
 */
export const serviceRegistrationSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('standalone') }).strict(),
  z.object({ mode: z.literal('appOfApps'), target: repoPathSchema }).strict(),
  z
    .object({
      mode: z.literal('applicationSet'),
      target: singleLineSchema(253).refine(
        value => value.trim().length > 0,
        'must name an ApplicationSet',
      ),
    })
    .strict(),
  // A registration "set": each environment's Application goes to the one point discovery found serving that
  // environment (an app-of-apps folder, or an ApplicationSet picking up only that environment's overlay).
  z
    .object({
      mode: z.literal('perEnvironment'),
      via: z.enum(['appOfApps', 'applicationSet']),
    })
    .strict(),
]);

/**
 * How a new service is registered with Argo CD.
 *
 * @public
 */
export type ServiceRegistration = z.infer<typeof serviceRegistrationSchema>;

/**
 * One registration point found in the config repo.
 * `appOfApps`: `target` is the folder an Application's source path points at, holding Application manifests;
 * `applicationSet`: `target` is the ApplicationSet's name, with the git generator's directory globs or config-file
 * globs it reads. `environment`: the one environment the point serves — from the destination cluster of the root
 * Application (else of the folder's Applications, or of the ApplicationSet's template) mapped through the configured
 * clusters, else from an environment or cluster name among its path's segments; absent when none or several.
 *
 * @public
 */
export const registrationPointSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('appOfApps'),
    target: z.string(),
    /** The Application whose source path is the folder (the "root" app). */
    parent: z.string(),
    /** The file defining the root app. */
    file: z.string(),
    /** Whether the folder lists its manifests in a kustomization.yaml (a new one must be added there too). */
    kustomization: z.boolean(),
    /** Names of the Applications the folder holds now. */
    applications: z.array(z.string()),
    /** The environment the folder serves, when discovery could tell (see `environment` below). */
    environment: z.string().optional(),
    /** The destination server every Application of the folder shares, when they share one. */
    server: z.string().optional(),
  }),
  z.object({
    mode: z.literal('applicationSet'),
    target: z.string(),
    /** The file holding the ApplicationSet. */
    file: z.string(),
    generator: z.enum(['directories', 'files']),
    /** The generator's `directories[].path` (not excluded) or `files[].path` globs. */
    paths: z.array(z.string()),
    /** The environment the ApplicationSet serves, when discovery could tell. */
    environment: z.string().optional(),
  }),
]);

/**
 * One registration point found in the config repo.
 *
 * @public
 */
export type RegistrationPoint = z.infer<typeof registrationPointSchema>;

/**
 * GET registration-points: the app-of-apps folders and ApplicationSets of the config repo's base branch.
 *
 * @public
 */
export const registrationPointsResponseSchema = z.object({
  points: z.array(registrationPointSchema),
});

/**
 * The answer of GET registration-points.
 *
 * @public
 */
export type RegistrationPointsResponse = z.infer<
  typeof registrationPointsResponseSchema
>;

/**
 * How a migration Job runs before the workload with Argo CD: a `PreSync` hook (re-created on every sync, deleted
 * before the next one) or a resource in sync wave `-1` (applied, and waited for, before wave 0).
 *
 * @public
 */
export const migrationOrderSchema = z.enum(['preSyncHook', 'syncWave']);

/**
 * How a migration Job runs before the workload with Argo CD.
 *
 * @public
 */
export type MigrationOrder = z.infer<typeof migrationOrderSchema>;
