import { z } from 'zod';

/**
 * A config repo the golden paths may open pull requests against, as the backend's config names it.
 *
 * @public
 */
export const goldenPathConfigRepoSchema = z.object({
  host: z.string(),
  owner: z.string(),
  repo: z.string(),
  /** The base branch of its pull requests. */
  branch: z.string(),
  /** The same repo as the scaffolder's RepoUrlPicker writes it: `<host>?owner=<owner>&repo=<repo>`. */
  repoUrl: z.string(),
});
/**
 * A config repo the golden paths may open pull requests against.
 *
 * @public
 */
export type GoldenPathConfigRepo = z.infer<typeof goldenPathConfigRepoSchema>;

/**
 * GET golden-path-options: what the templates' forms offer, from the backend's config, so that no template names a
 * repo, an organisation or an environment list.
 *
 * @public
 */
export const goldenPathOptionsResponseSchema = z.object({
  configRepos: z.array(goldenPathConfigRepoSchema),
  /** Environments in delivery order (the order their first cluster is configured in). */
  environments: z.array(z.string()),
  clusters: z.array(
    z.object({ name: z.string(), environment: z.string().optional() }),
  ),
  /** What the request-cluster form offers (`gitops.clusterRequest`); absent when cluster requests are not configured. */
  clusterRequest: z
    .object({
      providers: z.array(
        z.object({
          name: z.string(),
          type: z.enum(['cluster-api', 'crossplane']),
        }),
      ),
      kubernetesVersions: z.array(z.string()),
      controlPlaneReplicas: z.object({ min: z.number(), max: z.number() }),
      workerReplicas: z.object({ min: z.number(), max: z.number() }),
    })
    .optional(),
});
/**
 * The answer of GET golden-path-options: what the templates' forms offer.
 *
 * @public
 */
export type GoldenPathOptionsResponse = z.infer<
  typeof goldenPathOptionsResponseSchema
>;
