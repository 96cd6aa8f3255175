import { z } from 'zod';
import {
  dns1123SubdomainSchema,
  serviceNameSchema,
  singleLineSchema,
} from './fields';
import {
  healthStatusSchema,
  syncStatusSchema,
  timestampSchema,
} from './vocabulary';

/*
 * Preview environments: one per open pull request of a service's repository, in namespace `<service>-pr-<number>`.
 * The request's fields (scaffolder action `gitops:preview:enable`) and the entity's live previews (REST API).
 */

/** `-pr-` and a pull request number of up to 6 digits must still fit a namespace (a 63-character DNS-1123 label). */
const LONGEST_PREVIEW_SERVICE = 63 - '-pr-'.length - 6;

/**
 * A service that can have previews: its name leaves room for `-pr-<number>` in a namespace.
 *
 * @public
 */
export const previewServiceNameSchema = serviceNameSchema.refine(
  name => name.length <= LONGEST_PREVIEW_SERVICE,
  `must be at most ${LONGEST_PREVIEW_SERVICE} characters, so <service>-pr-<number> is a namespace`,
);

/**
 * A GitHub label a pull request must carry to get a preview (GitHub's own limit: 50 characters).
 *
 * @public
 */
export const previewLabelSchema = singleLineSchema(50).min(
  1,
  'must not be empty',
);

/**
 * How often the engine lists the pull requests, in seconds: at least 30 (GitHub's rate limit), at most a day.
 *
 * @public
 */
export const previewRequeueSecondsSchema = z
  .number()
  .int('must be a whole number of seconds')
  .min(30, 'must be at least 30 seconds')
  .max(86400, 'must be at most a day (86400 seconds)');

/**
 * The Secret holding the engine's GitHub token, by name (its value is never read by the portal).
 *
 * @public
 */
export const previewTokenSecretNameSchema = dns1123SubdomainSchema;

/**
 * What an engine object generated for a pull request says about it (its `gitops-portal.io/preview-pr-*`
 * annotations): set on the status record of a preview's Application or Flux Kustomization only.
 *
 * @public
 */
export const previewInfoSchema = z.object({
  pullRequestNumber: z.number().int().positive(),
  pullRequestUrl: z.string(),
  /** Where the preview runs: `<service>-pr-<number>`. */
  namespace: z.string().optional(),
  /** When the engine created the object (the preview's age). */
  createdAt: timestampSchema.optional(),
});

/**
 * What an engine object generated for a pull request says about it.
 *
 * @public
 */
export type PreviewInfo = z.infer<typeof previewInfoSchema>;

/**
 * One live preview environment of an entity: the generated Application (or Flux Kustomization) and its PR.
 *
 * @public
 */
export const previewEnvironmentSchema = previewInfoSchema.extend({
  /** The status record's key (cluster/group/kind/namespace/name). */
  key: z.string(),
  cluster: z.string(),
  kind: z.string(),
  name: z.string(),
  health: healthStatusSchema,
  sync: syncStatusSchema,
});

/**
 * One live preview environment of an entity.
 *
 * @public
 */
export type PreviewEnvironment = z.infer<typeof previewEnvironmentSchema>;

/**
 * `GET /entities/:kind/:namespace/:name/previews`.
 *
 * @public
 */
export const entityPreviewsResponseSchema = z.object({
  entityRef: z.string(),
  previews: z.array(previewEnvironmentSchema),
});

/**
 * `GET /entities/:kind/:namespace/:name/previews`.
 *
 * @public
 */
export type EntityPreviewsResponse = z.infer<
  typeof entityPreviewsResponseSchema
>;
