import { RuleSetting, RuleSettings } from './config';
import { objectId } from './objects';
import { POLICY_RULES } from './policy';
import { EstatePolicies } from './policies/loadEstatePolicies';
import { SchemaValidator } from './schema';
import {
  BuiltInRuleId,
  ManifestObject,
  Severity,
  SkippedPolicy,
  Violation,
} from './types';

/** What applies to each object beyond the schema: the built-in rules' settings and the estate's policies. */
export interface CheckContext {
  rules?: RuleSettings;
  policies?: EstatePolicies;
  /** The strict schema step (built-in API of the configured Kubernetes version, and the CRDs known). */
  schema?: SchemaValidator;
  /** Where a kind no schema knows is reported ("not schema-checked"), once per kind. */
  notSchemaChecked?(skipped: SkippedPolicy): void;
}

const DEFAULT_SETTING: RuleSetting = {
  enabled: true,
  severity: 'error',
  exceptions: [],
};

/** The namespace an exception is matched against: the object's, or its own name for a Namespace. */
function namespaceOf(object: ManifestObject): string | undefined {
  return object.kind === 'Namespace'
    ? object.metadata?.name
    : object.metadata?.namespace;
}

function isExcepted(object: ManifestObject, setting: RuleSetting): boolean {
  const namespace = namespaceOf(object);
  return setting.exceptions.some(
    e =>
      e.namespace === namespace &&
      (e.name === undefined || e.name === object.metadata?.name),
  );
}

/** How a built-in rule applies to an object under the settings: not at all, or at a severity. */
export function builtInRuleSeverity(
  object: ManifestObject,
  ruleId: BuiltInRuleId,
  rules: RuleSettings | undefined,
): Severity | 'off' {
  const setting = rules?.[ruleId] ?? DEFAULT_SETTING;
  if (!setting.enabled || isExcepted(object, setting)) return 'off';
  return setting.severity;
}

/** SOPS' top-level `sops` block is no field of the object: the decrypting controller (Flux) drops it before applying. */
function withoutSopsMetadata(object: ManifestObject): ManifestObject {
  if (!object || typeof object !== 'object' || !('sops' in object)) {
    return object;
  }
  const { sops: _sops, ...rest } = object as ManifestObject & {
    sops?: unknown;
  };
  return rest as ManifestObject;
}

/**
 * Schema first (strict: unknown fields are errors; a kind no schema knows, or a CRD rule that cannot be evaluated,
 * is reported, not passed), then every enabled built-in rule (`overlay`: rendered objects, which also need
 * `team`/`env` labels) at its configured severity, then the estate's own policies.
 */
export function checkObject(
  object: ManifestObject,
  file: string,
  overlay: boolean,
  context: CheckContext = {},
): Violation[] {
  const id = objectId(object);
  const outcome = context.schema?.check(withoutSopsMetadata(object));
  for (const { rule, reason } of (outcome?.checked && outcome.notEvaluated) ||
    []) {
    context.notSchemaChecked?.({
      policy: `CRD rule of ${object.apiVersion} ${object.kind}: ${rule}`,
      file,
      reason: `not evaluated: ${reason}`,
    });
  }
  if (outcome?.checked === false) {
    context.notSchemaChecked?.({
      policy: `schema ${object.apiVersion} ${object.kind}`,
      file,
      reason: outcome.reason,
    });
  } else if (outcome && outcome.problems.length > 0) {
    // A malformed object is not worth the policies' time: its fields are not what they claim to be.
    return outcome.problems.map(problem => ({
      file,
      object: id,
      rule: 'schema',
      message: `${id} ${problem}`,
    }));
  }
  const builtIn = POLICY_RULES.filter(
    rule => overlay || !rule.overlaysOnly,
  ).flatMap(rule => {
    const severity = builtInRuleSeverity(object, rule.id, context.rules);
    if (severity === 'off') return [];
    return rule.check(object).map(
      (message): Violation => ({
        file,
        object: id,
        rule: rule.id,
        message: `${id} ${message}`,
        ...(severity === 'warning' ? { severity } : {}),
      }),
    );
  });
  const estate = context.policies?.check(object, file) ?? [];
  return [...builtIn, ...estate];
}
