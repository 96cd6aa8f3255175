/**
 * A Kubernetes object as parsed from YAML.
 *
 * @public
 */
export type ManifestObject = Record<string, any>;

/**
 * The rules `validateConfigRepoChange` applies. `schema` and `render` are not policy but block the change the same way.
 *
 * @public
 */
export type ValidationRule =
  | 'render'
  | 'schema'
  | 'resources-limits'
  | 'immutable-image-tag'
  | 'no-plaintext-secret'
  | 'team-env-labels'
  | 'dns1123-names'
  /** A ValidatingAdmissionPolicy found in the config repo (`policy` names it). */
  | 'validating-admission-policy'
  /** A Kyverno ClusterPolicy or Policy `validate` rule found in the config repo (`policy` names it). */
  | 'kyverno';

/**
 * The built-in policy rules a config can enable, disable or soften (`gitops.validation.rules`).
 *
 * @public
 */
export type BuiltInRuleId = Exclude<
  ValidationRule,
  'render' | 'schema' | 'validating-admission-policy' | 'kyverno'
>;

/**
 * `error` blocks the pull request; `warning` is listed in its body only.
 *
 * @public
 */
export type Severity = 'error' | 'warning';

/**
 * One problem validation found: the file and object, the rule that found it and how severe it is.
 *
 * @public
 */
export interface Violation {
  /** The repo file the object comes from (or the overlay's kustomization.yaml when unknown). */
  file: string;
  /** `Kind/name` of the object, or '' for a file-level problem. */
  object: string;
  rule: ValidationRule;
  message: string;
  /** Absent means `error` (blocking). */
  severity?: Severity;
  /** The estate policy that found it: `ValidatingAdmissionPolicy/<name>` or `ClusterPolicy/<name>/<rule>`. */
  policy?: string;
}

/**
 * An estate policy (or one of its rules) that could not be evaluated: never counted as passed.
 *
 * @public
 */
export interface SkippedPolicy {
  /** `ValidatingAdmissionPolicy/<name>`, `ClusterPolicy/<name>/<rule>`, … */
  policy: string;
  /** The file it was read from. */
  file: string;
  reason: string;
}

/**
 * What validation found for one rendered overlay or one plain manifest file.
 *
 * @public
 */
export interface ValidatedTarget {
  /** The overlay directory, the manifest file, or `<chart dir> (<values files>)` of a Helm release. */
  path: string;
  kind: 'overlay' | 'manifest' | 'helm';
  /** How many objects it renders to. */
  objects: number;
  violations: Violation[];
}

/**
 * What `validateConfigRepoChange` found: each rendered target, every violation and the estate policies evaluated or skipped.
 *
 * @public
 */
export interface ValidationResult {
  /** No blocking (`error`) violation. Warnings do not make it false. */
  ok: boolean;
  overlays: ValidatedTarget[];
  manifests: ValidatedTarget[];
  /** Every violation of every target, in order, warnings included. */
  violations: Violation[];
  /** Estate policies (or rules of them) that could not be evaluated, by name. */
  skipped?: SkippedPolicy[];
  /** Estate policies that were evaluated, by name. */
  policies?: string[];
  /** What could not be checked and why (e.g. a remote Helm chart that was not fetched). */
  notes?: string[];
}
