import { z } from 'zod';
import {
  chartVersionSchema,
  commitShaSchema,
  entityRefSchema,
  environmentNameSchema,
  imageDigestSchema,
  imageTagSchema,
  singleLineSchema,
} from './fields';
import {
  engineSchema,
  healthStatusSchema,
  syncStatusSchema,
  timestampSchema,
} from './vocabulary';

/**
 * A filter given as a comma list (`Degraded,Missing`) or as a repeated query
 * parameter (Express turns `?health=a&health=b` into an array). Empty items drop out.
 */
const commaSeparated = z
  .union([z.string(), z.array(z.string())])
  .transform(input =>
    (Array.isArray(input) ? input : [input])
      .flatMap(item => item.split(','))
      .map(item => item.trim())
      .filter(item => item.length > 0),
  );

const limit = (fallback: number) =>
  z.coerce.number().int().min(1).max(1000).default(fallback);

/**
 * GET /overview query. Parse with `safeParse` on the server.
 *
 * @public
 */
export const overviewQuerySchema = z.object({
  team: entityRefSchema.optional(),
  entityRef: entityRefSchema.optional(),
  cluster: singleLineSchema(253).min(1).optional(),
  environment: environmentNameSchema.optional(),
  engine: engineSchema.optional(),
  health: commaSeparated.pipe(z.array(healthStatusSchema)).optional(),
  sync: commaSeparated.pipe(z.array(syncStatusSchema)).optional(),
  /** Free text matched against name, namespace, kind and entity refs. */
  q: singleLineSchema(200).optional(),
  limit: limit(100),
  offset: z.coerce.number().int().min(0).default(0),
});
/**
 * The GET /overview query after parsing, defaults applied.
 *
 * @public
 */
export type OverviewQuery = z.output<typeof overviewQuerySchema>;
/**
 * The GET /overview query as a client sends it, before defaults.
 *
 * @public
 */
export type OverviewQueryInput = z.input<typeof overviewQuerySchema>;

/**
 * GET /history query.
 *
 * @public
 */
export const historyQuerySchema = z.object({
  entityRef: entityRefSchema,
  since: timestampSchema.optional(),
  limit: limit(100),
});
/**
 * The GET /history query after parsing, defaults applied.
 *
 * @public
 */
export type HistoryQuery = z.output<typeof historyQuerySchema>;
/**
 * The GET /history query as a client sends it, before defaults.
 *
 * @public
 */
export type HistoryQueryInput = z.input<typeof historyQuerySchema>;

/**
 * GET /validation-estate query (backend plugins only): the environment whose clusters' CRDs and policies apply.
 *
 * @public
 */
export const validationEstateQuerySchema = z.object({
  environment: environmentNameSchema,
});
/**
 * A parsed GET /validation-estate query.
 *
 * @public
 */
export type ValidationEstateQuery = z.output<
  typeof validationEstateQuerySchema
>;

/**
 * What a promotion copies: an image tag, an image digest or a chart version (the forms the `gitops:promote`
 * action takes too).
 *
 * @public
 */
export const promotionVersionSchema = z.union(
  [imageTagSchema, imageDigestSchema, chartVersionSchema],
  {
    error:
      'must be an image tag, an image digest (`sha256:` and 64 hex digits) or a chart version such as `1.2.0`',
  },
);

/**
 * POST promotion body: open a PR that moves `from`'s revision to `to`; with `version`, only the pins of `from`
 * that hold that tag, digest or chart version (default: everything `from` runs).
 *
 * @public
 */
export const promotionRequestSchema = z
  .object({
    from: environmentNameSchema,
    to: environmentNameSchema,
    version: promotionVersionSchema.optional(),
  })
  .refine(body => body.from !== body.to, {
    message: 'from and to must be different environments',
    path: ['to'],
  });
/**
 * The body of POST promotion: which environment's revision moves to which.
 *
 * @public
 */
export type PromotionRequest = z.infer<typeof promotionRequestSchema>;

/**
 * POST rollback body: open a PR that reverts the last change to `environment`'s
 * overlay, or restores the overlay to its content at `toRevision` (a commit SHA
 * of the config repo).
 *
 * @public
 */
export const rollbackRequestSchema = z.object({
  environment: environmentNameSchema,
  toRevision: commitShaSchema.optional(),
});
/**
 * The body of POST rollback: the environment to revert, and optionally the revision to restore.
 *
 * @public
 */
export type RollbackRequest = z.infer<typeof rollbackRequestSchema>;

/**
 * Query of POST promotion / rollback: `dryRun=true` answers with the change it would propose, writing nothing.
 *
 * @public
 */
export const pullRequestQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
});

/**
 * Builds the query string a client sends for {@link overviewQuerySchema}.
 *
 * @public
 */
export function overviewQueryToSearchParams(
  query: Partial<OverviewQuery>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

/**
 * POST /signals/echo body: the token the echo carries back (the browser tells its own echo from another tab's).
 *
 * @public
 */
export const signalEchoRequestSchema = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '8 to 64 letters, digits, - or _'),
});
/**
 * The body of POST /signals/echo.
 *
 * @public
 */
export type SignalEchoRequest = z.infer<typeof signalEchoRequestSchema>;
