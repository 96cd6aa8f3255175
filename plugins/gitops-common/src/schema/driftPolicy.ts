import { z } from 'zod';
import { dns1123LabelSchema, singleLineSchema } from './fields';

/*
 * The drift policy of one environment of a service: what its engine does when the cluster drifts from the config
 * repo. Argo CD: `syncPolicy.automated.selfHeal` (revert changes made in the cluster), `.prune` (delete what left
 * the repo) and `spec.ignoreDifferences` (fields that may differ). Flux: `spec.prune` and `spec.interval` (how often
 * the Kustomization / HelmRelease is reconciled, a Go duration). Every field is optional: an absent one keeps the
 * default below, so a request without a policy writes what the golden path always wrote.
 */

/** Entries of one `ignoreDifferences` list or one rule's list of fields. */
const MAX_ENTRIES = 50;

const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(MAX_ENTRIES, `must have at most ${MAX_ENTRIES} entries`);

/**
 * A Go duration as Flux's CRDs accept it (`^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$`), e.g. `5m` or `1h30m`.
 *
 * @public
 */
export const goDurationSchema = z
  .string()
  .refine(
    value =>
      value.length <= 32 && /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/.test(value),
    'must be a Go duration such as `5m` or `1h30m` (units ms, s, m, h)',
  );

/** An RFC 6901 JSON pointer into the resource, e.g. `/spec/replicas`. */
const jsonPointerSchema = singleLineSchema(1024).refine(
  value => value.startsWith('/'),
  'must be a JSON pointer starting with `/`, e.g. `/spec/replicas`',
);

const nonEmpty = (max: number) =>
  singleLineSchema(max).refine(value => value.trim().length > 0, {
    message: 'must not be empty',
  });

/**
 * One `spec.ignoreDifferences` entry as a user writes it (Argo CD's `ResourceIgnoreDifferences`): `kind` (a glob,
 * like `group`) and optionally `group`, `name` and `namespace` select resources; at least one of `jsonPointers`,
 * `jqPathExpressions` and `managedFieldsManagers` says what to ignore. Unlike `ignoreDifferenceSchema` (read
 * leniently from the cluster) this one is strict and bounded.
 *
 * @public
 */
export const ignoreDifferenceRuleSchema = z
  .object({
    group: singleLineSchema(253).optional(),
    kind: nonEmpty(63),
    name: nonEmpty(253).optional(),
    namespace: dns1123LabelSchema.optional(),
    jsonPointers: list(jsonPointerSchema).optional(),
    jqPathExpressions: list(nonEmpty(1024)).optional(),
    managedFieldsManagers: list(nonEmpty(128)).optional(),
  })
  .strict()
  .refine(
    rule =>
      [
        rule.jsonPointers,
        rule.jqPathExpressions,
        rule.managedFieldsManagers,
      ].some(fields => (fields?.length ?? 0) > 0),
    'must name what to ignore: jsonPointers, jqPathExpressions or managedFieldsManagers',
  );
/**
 * One `spec.ignoreDifferences` entry as a user writes it in a drift policy.
 *
 * @public
 */
export type IgnoreDifferenceRule = z.infer<typeof ignoreDifferenceRuleSchema>;

/**
 * The drift policy of one environment; which fields apply depends on the engine (see `driftPolicyEngineProblem`).
 *
 * @public
 */
export const driftPolicySchema = z
  .object({
    /** Argo CD: revert changes made in the cluster (default true). */
    selfHeal: z.boolean().optional(),
    /** Argo CD and Flux: delete objects removed from the config repo (default true). */
    prune: z.boolean().optional(),
    /** Argo CD: fields that may differ without making the Application OutOfSync. */
    ignoreDifferences: list(ignoreDifferenceRuleSchema).optional(),
    /** Flux: how often the Kustomization / HelmRelease is reconciled (default `5m`). */
    interval: goDurationSchema.optional(),
  })
  .strict();
/**
 * The drift policy of one environment.
 *
 * @public
 */
export type DriftPolicy = z.infer<typeof driftPolicySchema>;

/**
 * What the golden path writes when a request gives no policy.
 *
 * @public
 */
export const DEFAULT_DRIFT_POLICY = {
  argocd: { selfHeal: true, prune: true },
  flux: { prune: true, interval: '5m' },
} as const;

/**
 * Why a policy does not fit the engine (a setting the engine does not have), or undefined when it fits.
 *
 * @public
 */
export function driftPolicyEngineProblem(
  policy: DriftPolicy,
  engine: 'argocd' | 'flux',
): string | undefined {
  const foreign =
    engine === 'argocd'
      ? (['interval'] as const).filter(key => policy[key] !== undefined)
      : (['selfHeal', 'ignoreDifferences'] as const).filter(
          key => policy[key] !== undefined,
        );
  if (foreign.length === 0) return undefined;
  return `${foreign.join(' and ')} ${
    foreign.length === 1 ? 'is not a setting' : 'are not settings'
  } of ${engine === 'argocd' ? 'Argo CD' : 'Flux'}`;
}

/**
 * The drift policy an engine object runs with, as the normalised status carries it: Argo CD `automated` (auto-sync
 * on at all), `selfHeal`, `prune` and the number of `ignoreDifferences` entries; Flux `prune` and `interval`.
 *
 * @public
 */
export const driftPolicyStatusSchema = z.object({
  automated: z.boolean().optional(),
  selfHeal: z.boolean().optional(),
  prune: z.boolean().optional(),
  ignoreDifferences: z.number().int().nonnegative().optional(),
  interval: z.string().optional(),
});
/**
 * The drift policy an engine object runs with, as the normalised status carries it.
 *
 * @public
 */
export type DriftPolicyStatus = z.infer<typeof driftPolicyStatusSchema>;
