import { z } from 'zod';
import { staleSchema } from './objectStatus';
import {
  healthStatusSchema,
  syncStatusSchema,
  timestampSchema,
} from './vocabulary';

/**
 * The placeholders a deep-link template may use, each filled from the object or commit it links to:
 * `{cluster}`, `{namespace}`, `{name}` (the Argo CD Application or Flux object), `{sha}` (a config-repo commit),
 * `{number}` (a pull request), `{owner}`/`{repo}` (the config repo).
 *
 * @public
 */
export const LINK_PLACEHOLDERS = [
  'cluster',
  'namespace',
  'name',
  'sha',
  'number',
  'owner',
  'repo',
] as const;
/**
 * A placeholder a deep-link template may use (see `LINK_PLACEHOLDERS`).
 *
 * @public
 */
export type LinkPlaceholder = (typeof LINK_PLACEHOLDERS)[number];

/**
 * One deep-link template: an http(s) URL whose `{placeholders}` are all known ones.
 *
 * @public
 */
export const linkTemplateSchema = z
  .string()
  .refine(
    template => {
      const probe = template.replace(/\{[a-z]+\}/g, 'x');
      if (!URL.canParse(probe)) return false;
      return ['http:', 'https:'].includes(new URL(probe).protocol);
    },
    { message: 'must be an http(s) URL template' },
  )
  .refine(
    template =>
      [...template.matchAll(/\{([^}]*)\}/g)].every(match =>
        (LINK_PLACEHOLDERS as readonly string[]).includes(match[1]),
      ),
    {
      message: `placeholders must be among {${LINK_PLACEHOLDERS.join('}, {')}}`,
    },
  );

/**
 * A cluster's deep links (`gitops.clusters[].links`): where a user opens the engine's own UI for an object of the
 * cluster, and the config repo's commits and pull requests (default: the URLs GitHub itself returns).
 *
 * @public
 */
export const clusterLinksSchema = z
  .object({
    /** e.g. `https://argocd.example.com/applications/{namespace}/{name}` */
    argocd: linkTemplateSchema.optional(),
    /** e.g. `https://flux.example.com/kustomization/details?clusterName={cluster}&name={name}&namespace={namespace}` */
    flux: linkTemplateSchema.optional(),
    /** e.g. `https://github.example.com/{owner}/{repo}/commit/{sha}` */
    commit: linkTemplateSchema.optional(),
    /** e.g. `https://github.example.com/{owner}/{repo}/pull/{number}` */
    pullRequest: linkTemplateSchema.optional(),
  })
  .strict();
/**
 * A cluster's deep links (`gitops.clusters[].links`) to the engine's UI and the config repo.
 *
 * @public
 */
export type ClusterLinks = z.infer<typeof clusterLinksSchema>;

/**
 * A pull request of the config repo that brought a commit.
 *
 * @public
 */
export const pipelinePullRequestSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  url: z.string().optional(),
});
/**
 * A pull request of the config repo that brought a commit.
 *
 * @public
 */
export type PipelinePullRequest = z.infer<typeof pipelinePullRequestSchema>;

/**
 * A config-repo commit as the pipeline shows it. Only `sha` is certain: the rest comes from GitHub, and when GitHub
 * cannot be asked (no token, rate limit, no config repo) `unavailable` says why instead.
 *
 * @public
 */
export const pipelineCommitSchema = z.object({
  sha: z.string(),
  /** The first line of the commit message. */
  message: z.string().optional(),
  author: z.string().optional(),
  authoredAt: timestampSchema.optional(),
  url: z.string().optional(),
  pullRequest: pipelinePullRequestSchema.optional(),
  unavailable: z.string().optional(),
});
/**
 * A config-repo commit as the pipeline shows it.
 *
 * @public
 */
export type PipelineCommit = z.infer<typeof pipelineCommitSchema>;

/**
 * A container image as an environment runs it: the repository name with its tag and/or digest.
 *
 * @public
 */
export const runningImageSchema = z.object({
  name: z.string(),
  tag: z.string().optional(),
  digest: z.string().optional(),
});
/**
 * A container image as an environment runs it: the repository with its tag and/or digest.
 *
 * @public
 */
export type RunningImage = z.infer<typeof runningImageSchema>;

/**
 * A Helm chart as an environment runs it.
 *
 * @public
 */
export const runningChartSchema = z.object({
  name: z.string(),
  version: z.string(),
});
/**
 * A Helm chart as an environment runs it.
 *
 * @public
 */
export type RunningChart = z.infer<typeof runningChartSchema>;

/**
 * What runs in an environment: its images (tag, digest) and Helm charts; empty where nothing says.
 *
 * @public
 */
export const runningVersionSchema = z.object({
  images: z.array(runningImageSchema),
  charts: z.array(runningChartSchema),
});
/**
 * What runs in an environment: its images and Helm charts.
 *
 * @public
 */
export type RunningVersion = z.infer<typeof runningVersionSchema>;

/**
 * One delivering object of an environment (an Argo CD Application, a Flux Kustomization or HelmRelease).
 *
 * @public
 */
export const pipelineTargetSchema = z.object({
  key: z.string(),
  kind: z.string(),
  cluster: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  sync: syncStatusSchema,
  health: healthStatusSchema,
  healthMessage: z.string().optional(),
  revision: z.string().optional(),
  /** The engine's own UI for this object (the cluster's `links.argocd` / `links.flux`). */
  url: z.string().optional(),
  /** Set while the backend serves the object from a cache it can no longer refresh (since when, how old). */
  stale: staleSchema.optional(),
});
/**
 * One delivering object of an environment in the pipeline.
 *
 * @public
 */
export type PipelineTarget = z.infer<typeof pipelineTargetSchema>;

/**
 * One column of the pipeline: an environment with what runs there and how it is doing.
 *
 * @public
 */
export const pipelineEnvironmentSchema = z.object({
  environment: z.string(),
  /** The worst sync and health of its targets. */
  sync: syncStatusSchema,
  health: healthStatusSchema,
  /** The config-repo commit its targets are synced at (the first target's, when they differ). */
  commit: pipelineCommitSchema.optional(),
  version: runningVersionSchema,
  /** When its targets last changed state (the newest transition). */
  changedAt: timestampSchema.optional(),
  targets: z.array(pipelineTargetSchema),
});
/**
 * One column of the pipeline: an environment with what runs there and how it is doing.
 *
 * @public
 */
export type PipelineEnvironment = z.infer<typeof pipelineEnvironmentSchema>;

/**
 * One image or chart that differs between two adjacent environments.
 *
 * @public
 */
export const versionChangeSchema = z.object({
  kind: z.enum(['image', 'chart']),
  name: z.string(),
  /** The earlier environment's version (tag@digest or chart version); absent when it has none. */
  from: z.string().optional(),
  /** The later environment's version. */
  to: z.string().optional(),
});
/**
 * One image or chart that differs between two adjacent environments.
 *
 * @public
 */
export type VersionChange = z.infer<typeof versionChangeSchema>;

/**
 * What differs between two adjacent environments (`from` comes before `to` in the pipeline).
 *
 * @public
 */
export const pipelineGapSchema = z.object({
  from: z.string(),
  to: z.string(),
  versionChanges: z.array(versionChangeSchema),
  /**
   * Config-repo commits touching the service that `from` runs and `to` does not yet, newest first (at most 50).
   * Absent when unknown; `commitsUnavailable` then says why.
   */
  commitsNotPromoted: z.array(pipelineCommitSchema).optional(),
  commitsUnavailable: z.string().optional(),
});
/**
 * What differs between two adjacent environments of the pipeline.
 *
 * @public
 */
export type PipelineGap = z.infer<typeof pipelineGapSchema>;

/**
 * GET the promotion pipeline of one entity: environments in delivery order and what differs between neighbours.
 *
 * @public
 */
export const pipelineResponseSchema = z.object({
  entityRef: z.string(),
  /**
   * `owner/repo` of the config repos the environments deploy from (comma-separated, in environment order), else of
   * `gitops.configRepo`; absent when neither names one.
   */
  configRepo: z.string().optional(),
  environments: z.array(pipelineEnvironmentSchema),
  gaps: z.array(pipelineGapSchema),
});
/**
 * The answer of GET pipeline of one entity: environments in delivery order and what differs between neighbours.
 *
 * @public
 */
export type PipelineResponse = z.infer<typeof pipelineResponseSchema>;
