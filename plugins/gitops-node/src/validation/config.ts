import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { ClusterEstate } from './clusterEstate';
import {
  DEFAULT_KUBERNETES_VERSION,
  KubernetesVersion,
  SHIPPED_KUBERNETES_VERSIONS,
} from './schema';
import { BuiltInRuleId } from './types';

export const BUILT_IN_RULE_IDS = [
  'resources-limits',
  'immutable-image-tag',
  'no-plaintext-secret',
  'team-env-labels',
  'dns1123-names',
] as const satisfies readonly BuiltInRuleId[];

const ruleException = z
  .object({ namespace: z.string().min(1), name: z.string().min(1).optional() })
  .strict();

const ruleSetting = z
  .object({
    enabled: z.boolean().default(true),
    severity: z.enum(['error', 'warning']).default('error'),
    exceptions: z.array(ruleException).default([]),
  })
  .strict();

const validationConfig = z
  .object({
    kubectlPath: z.string().min(1).optional(),
    helmPath: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().optional(),
    kubernetesVersion: z
      .enum(SHIPPED_KUBERNETES_VERSIONS)
      .default(DEFAULT_KUBERNETES_VERSION),
    crds: z
      .object({ paths: z.array(z.string().min(1)).default(['crds/']) })
      .strict()
      .default({ paths: ['crds/'] }),
    rules: z
      .object(
        Object.fromEntries(
          BUILT_IN_RULE_IDS.map(id => [id, ruleSetting.optional()]),
        ) as Record<BuiltInRuleId, z.ZodOptional<typeof ruleSetting>>,
      )
      .strict()
      .default({}),
    policies: z
      .object({
        enabled: z.boolean().default(true),
        paths: z.array(z.string().min(1)).min(1).default(['policies/']),
      })
      .strict()
      .default({ enabled: true, paths: ['policies/'] }),
  })
  .strict();

/**
 * How one built-in rule applies: off, a warning, or an error, with objects it never applies to.
 *
 * @public
 */
export type RuleSetting = z.infer<typeof ruleSetting>;
/**
 * The built-in rules' settings, by id (absent: enabled, `error`, no exceptions).
 *
 * @public
 */
export type RuleSettings = Partial<Record<BuiltInRuleId, RuleSetting>>;

/**
 * Where the estate's own policies (ValidatingAdmissionPolicy, Kyverno) are read from in the config repo.
 *
 * @public
 */
export interface PolicySources {
  enabled: boolean;
  /** Directories (ending in `/`) or files of the config repo, read at the base branch. */
  paths: string[];
}

/**
 * What `gitops.validation` configures.
 *
 * @public
 */
export interface ValidationOptions {
  kubectlPath: string;
  helmPath: string;
  timeoutMs?: number;
  rules: RuleSettings;
  policies: PolicySources;
  /** The Kubernetes version built-in kinds are checked against (strictly: unknown fields are errors). */
  kubernetesVersion: KubernetesVersion;
  /** Config-repo directories (ending in `/`) or files whose CustomResourceDefinitions give custom kinds a schema. */
  crdPaths: string[];
  /**
   * What the change's target clusters hold (CRDs, policies), read by the caller through the backend's
   * validation-estate bridge for each call; never from config.
   */
  clusterEstates?: ClusterEstate[];
}

/** Parses `gitops.validation` once (at start-up); a bad key throws an InputError naming it. */
export function parseValidationConfig(value: unknown): ValidationOptions {
  const parsed = validationConfig.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = ['gitops', 'validation', ...issue.path.map(String)].join('.');
    throw new InputError(`Invalid config ${key}: ${issue.message}`);
  }
  const { kubectlPath, helmPath, timeoutMs, rules, policies } = parsed.data;
  return {
    kubectlPath: kubectlPath ?? 'kubectl',
    helmPath: helmPath ?? 'helm',
    timeoutMs,
    rules: rules as RuleSettings,
    policies,
    kubernetesVersion: parsed.data.kubernetesVersion,
    crdPaths: parsed.data.crds.paths,
  };
}

/**
 * Reads `gitops.validation`: `kubectlPath` (default `kubectl` on PATH),
 * `helmPath` (default `helm` on PATH), `timeoutMs`, `rules` (the built-in
 * rules' settings), `policies` (where the estate's own policies live), `kubernetesVersion` (the API schema of
 * built-in kinds) and `crds.paths` (where the config repo keeps CRDs).
 *
 * @public
 */
export function readValidationOptions(config: Config): ValidationOptions {
  return parseValidationConfig(
    config.getOptionalConfig('gitops.validation')?.get(),
  );
}
