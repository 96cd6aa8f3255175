import { z } from 'zod';

/*
 * Where a service is deployed from, per environment, as its live objects say (issue 15 point 4: decommission uses
 * the discovery promotions use). The gitops backend answers it; the scaffolder's decommission action reads it.
 */

/**
 * One environment's places in a config repo: each folder (ending in `/`) or file a live object deploys from, the
 * repository it is in, the object and field that name it and, for an ApplicationSet files generator's config file,
 * the keys its template reads the version from; `lookedAt` says which objects were read and why one named nothing.
 *
 * @public
 */
export const serviceLayoutEnvironmentSchema = z.object({
  environment: z.string(),
  repoUrl: z.string().optional(),
  locations: z.array(
    z.object({
      path: z.string(),
      repoUrl: z.string().optional(),
      origin: z.string(),
      /** A file's keys that hold the version, when the object names them (an ApplicationSet's config file). */
      keys: z.array(z.string()).optional(),
    }),
  ),
  lookedAt: z.array(z.string()),
});

/**
 * `GET /entities/:kind/:namespace/:name/layout`: the places of each environment the entity's live objects are in.
 *
 * @public
 */
export const serviceLayoutResponseSchema = z.object({
  entityRef: z.string(),
  environments: z.array(serviceLayoutEnvironmentSchema),
});

/**
 * The places of each environment of an entity.
 *
 * @public
 */
export type ServiceLayoutResponse = z.infer<typeof serviceLayoutResponseSchema>;
