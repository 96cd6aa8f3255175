import { objectId } from '../objects';
import { ManifestObject, Severity } from '../types';
import { compileCel, toCel } from './cel';
import { matchPattern } from './kyvernoPattern';
import {
  autogenControllers,
  blockMatches,
  blockMatchesKindPod,
  podTemplateOf,
} from './kyvernoMatch';
import { NamespaceIndex, wildcardMatch } from './selectors';
import { EstatePolicy, FindingSink, SourcedObject } from './types';

/**
 * Kyverno ClusterPolicy / Policy `validate` rules with `pattern` or `cel`, matched by kinds, names, namespaces and
 * selectors. What needs the cluster or Kyverno's engine (`deny`, `anyPattern`, `foreach`, `context`,
 * `preconditions`, `podSecurity`, `manifests`, subjects/roles in match) is reported as skipped, by name.
 */

/** Enforce (any case) blocks; Audit warns. The rule's own `failureAction` wins, then per-namespace overrides. */
function severityOf(
  policy: ManifestObject,
  rule: any,
  object: ManifestObject,
): Severity {
  const namespace = object.metadata?.namespace ?? '';
  const override = (policy.spec?.validationFailureActionOverrides ?? []).find(
    (o: any) =>
      (o.namespaces ?? []).some((n: string) => wildcardMatch(n, namespace)),
  );
  const action =
    rule.validate?.failureAction ??
    override?.action ??
    policy.spec?.validationFailureAction ??
    'Audit';
  return String(action).toLowerCase() === 'enforce' ? 'error' : 'warning';
}

const UNSUPPORTED_VALIDATE = [
  'deny',
  'anyPattern',
  'foreach',
  'podSecurity',
  'manifests',
  'assert',
];

function whyUnsupported(rule: any): string | undefined {
  if (rule.context)
    return 'it uses context (API calls, ConfigMaps or variables)';
  if (rule.preconditions) return 'it uses preconditions (JMESPath)';
  const validate = rule.validate ?? {};
  if (validate.cel?.paramKind || validate.cel?.paramRef)
    return 'its cel uses params';
  for (const key of UNSUPPORTED_VALIDATE) {
    if (validate[key] !== undefined)
      return `validate.${key} is not evaluated here`;
  }
  if (validate.pattern === undefined && validate.cel === undefined)
    return 'it has no validate.pattern or validate.cel';
  return undefined;
}

export function compileKyvernoPolicies(
  sources: SourcedObject[],
  namespaces: NamespaceIndex,
  sink: FindingSink,
): EstatePolicy[] {
  const out: EstatePolicy[] = [];
  for (const { file, object: policy } of sources) {
    if (
      (policy.kind !== 'ClusterPolicy' && policy.kind !== 'Policy') ||
      !String(policy.apiVersion ?? '').startsWith('kyverno.io/')
    )
      continue;
    for (const rule of policy.spec?.rules ?? []) {
      if (!rule.validate) continue;
      const name = `${policy.kind}/${policy.metadata?.name}/${rule.name}`;
      const reason = whyUnsupported(rule);
      if (reason) {
        sink.skip({ policy: name, file, reason });
        continue;
      }
      const expressions = (rule.validate.cel?.expressions ?? []).map(
        (e: any) => ({
          program: compileCel(String(e.expression ?? '')),
          message: e.message as string | undefined,
        }),
      );
      const unsupported = expressions.find(
        (e: any) => 'unsupported' in e.program,
      );
      if (unsupported) {
        sink.skip({
          policy: name,
          file,
          reason: unsupported.program.unsupported,
        });
        continue;
      }
      const matchesPod = blockMatchesKindPod(rule.match);
      const controllers = matchesPod ? autogenControllers(policy) : [];
      out.push({
        name,
        file,
        check(object, objectFile, findings) {
          const skip = (why: string) =>
            findings.skip({ policy: name, file, reason: why });
          if (
            policy.kind === 'Policy' &&
            object.metadata?.namespace !== policy.metadata?.namespace
          )
            return;
          // A rule on Pods also checks pod controllers' templates (Kyverno's auto-generated rules).
          const target = controllers.includes(object.kind)
            ? podTemplateOf(object)
            : object;
          if (!target) return;
          const matched = blockMatches(
            rule.match,
            target,
            target.kind,
            namespaces,
          );
          if (matched === false) return;
          if (matched !== true) {
            skip(matched.undecidable);
            return;
          }
          const excluded = rule.exclude
            ? blockMatches(rule.exclude, target, target.kind, namespaces)
            : false;
          if (excluded === true) return;
          if (excluded !== false) {
            skip(excluded.undecidable);
            return;
          }
          const id = objectId(object);
          const report = (detail: string) =>
            findings.violation({
              file: objectFile,
              object: id,
              rule: 'kyverno',
              policy: name,
              severity: severityOf(policy, rule, object),
              message: `${id} ${
                rule.validate.message ?? 'violates the rule'
              } (${detail})`,
            });
          if (rule.validate.pattern !== undefined) {
            const result = matchPattern(target, rule.validate.pattern);
            if (result.kind === 'unsupported') {
              skip(`${result.what} is not implemented`);
              return;
            }
            if (result.kind === 'fail')
              report(`pattern failed at ${result.path}`);
            return;
          }
          const bindings = { object: toCel(target), oldObject: null };
          for (const { program, message } of expressions) {
            const outcome = program.evaluate(bindings);
            if (outcome.kind === 'unsupported') {
              skip(outcome.reason);
              return;
            }
            if (outcome.kind === 'error') {
              report(`cel failed to evaluate: ${outcome.message}`);
              return;
            }
            if (outcome.value !== true) {
              report(message ?? `failed Expression: ${program.expression}`);
              return;
            }
          }
        },
      });
    }
  }
  return out;
}
