import { RuleSetting, RuleSettings } from './config';
import { objectId } from './objects';
import { POLICY_RULES } from './policy';
import { EstatePolicies } from './policies/loadEstatePolicies';
import { schemaProblem } from './schema';
import { BuiltInRuleId, ManifestObject, Severity, Violation } from './types';

/** What applies to each object beyond the schema: the built-in rules' settings and the estate's policies. */
export interface CheckContext {
  rules?: RuleSettings;
  policies?: EstatePolicies;
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

/**
 * Schema first, then every enabled built-in rule (`overlay`: rendered objects, which also need `team`/`env`
 * labels) at its configured severity, then the estate's own policies.
 */
export function checkObject(
  object: ManifestObject,
  file: string,
  overlay: boolean,
  context: CheckContext = {},
): Violation[] {
  const id = objectId(object);
  const problem = schemaProblem(object);
  if (problem) return [{ file, object: id, rule: 'schema', message: problem }];
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
