import { objectId } from '../objects';
import { ManifestObject, Severity } from '../types';
import { CelProgram, compileCel, fromCel, toCel } from './cel';
import {
  includes,
  matchResources,
  OPERATION,
  ResourceRule,
} from './admissionMatch';
import {
  groupVersion,
  isClusterScoped,
  matchesSelector,
  NamespaceIndex,
  resourceOf,
} from './selectors';
import { EstatePolicy, FindingSink, SourcedObject } from './types';

/**
 * ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) with its bindings, evaluated on rendered objects as
 * the API server would on a CREATE: `object` is the rendered object and `oldObject` is null. A policy whose rules
 * match only UPDATE, or whose expressions need what only the cluster knows (the requesting user, `authorizer`,
 * a namespace the estate does not declare, params not in the repo), is reported as skipped.
 */
const API_GROUP = 'admissionregistration.k8s.io/';

/** A policy part we cannot evaluate here (thrown while compiling, reported as skipped). */
class Unsupported extends Error {}

interface Compiled {
  matchConditions: Array<{ name: string; program: CelProgram }>;
  variables: Array<{ name: string; program: CelProgram }>;
  validations: Array<{
    program: CelProgram;
    message?: string;
    messageProgram?: CelProgram;
  }>;
}

function compileAll(spec: any): Compiled | { unsupported: string } {
  const compile = (expression: unknown, where: string) => {
    const program = compileCel(String(expression ?? ''));
    if ('unsupported' in program)
      throw new Unsupported(`${where}: ${program.unsupported}`);
    if (program.identifiers.has('authorizer'))
      throw new Unsupported(
        `${where} asks the authorizer about the requesting user`,
      );
    if (program.requestFields.has('userInfo'))
      throw new Unsupported(
        `${where} reads request.userInfo (the requesting user)`,
      );
    return program;
  };
  try {
    return {
      matchConditions: (spec.matchConditions ?? []).map((c: any) => ({
        name: c.name,
        program: compile(c.expression, `matchCondition ${c.name}`),
      })),
      variables: (spec.variables ?? []).map((v: any) => ({
        name: v.name,
        program: compile(v.expression, `variable ${v.name}`),
      })),
      validations: (spec.validations ?? []).map((v: any, i: number) => ({
        program: compile(v.expression, `validations[${i}]`),
        message: typeof v.message === 'string' ? v.message : undefined,
        messageProgram: v.messageExpression
          ? compile(v.messageExpression, `validations[${i}].messageExpression`)
          : undefined,
      })),
    };
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
}

/** Validation actions of a binding → severity: Deny blocks; Warn and Audit are listed only. */
function severityOf(actions: unknown): Severity {
  return Array.isArray(actions) && actions.includes('Deny')
    ? 'error'
    : 'warning';
}

function paramsFor(
  policy: ManifestObject,
  binding: ManifestObject,
  object: ManifestObject,
  sources: SourcedObject[],
): ManifestObject[] | { missing: string } | undefined {
  const paramKind = policy.spec?.paramKind;
  if (!paramKind) return undefined;
  const ref = binding.spec?.paramRef;
  const label = `${paramKind.kind} ${
    ref?.name ?? JSON.stringify(ref?.selector ?? {})
  }`;
  if (!ref)
    return { missing: `its binding has no paramRef for ${paramKind.kind}` };
  const namespace = ref.namespace ?? object.metadata?.namespace;
  const found = sources
    .map(s => s.object)
    .filter(
      o =>
        o.kind === paramKind.kind &&
        o.apiVersion === paramKind.apiVersion &&
        (o.metadata?.namespace === undefined ||
          o.metadata.namespace === namespace) &&
        (ref.name
          ? o.metadata?.name === ref.name
          : matchesSelector(ref.selector, o.metadata?.labels ?? {})),
    );
  return found.length > 0
    ? found
    : { missing: `its params (${label}) are not in the config repo` };
}

export function compileAdmissionPolicies(
  sources: SourcedObject[],
  namespaces: NamespaceIndex,
  sink: FindingSink,
): EstatePolicy[] {
  const isKind = (o: ManifestObject, kind: string) =>
    o.kind === kind &&
    typeof o.apiVersion === 'string' &&
    o.apiVersion.startsWith(API_GROUP);
  const policies = sources.filter(s =>
    isKind(s.object, 'ValidatingAdmissionPolicy'),
  );
  const bindings = sources.filter(s =>
    isKind(s.object, 'ValidatingAdmissionPolicyBinding'),
  );
  const out: EstatePolicy[] = [];
  for (const { file, object: policy } of policies) {
    const policyName = `ValidatingAdmissionPolicy/${policy.metadata?.name}`;
    const bound = bindings.filter(
      b => b.object.spec?.policyName === policy.metadata?.name,
    );
    if (bound.length === 0) {
      sink.skip({
        policy: policyName,
        file,
        reason:
          'no ValidatingAdmissionPolicyBinding in the config repo binds it',
      });
      continue;
    }
    const compiled = compileAll(policy.spec ?? {});
    if ('unsupported' in compiled) {
      sink.skip({ policy: policyName, file, reason: compiled.unsupported });
      continue;
    }
    if (compiled.validations.length === 0) {
      sink.skip({
        policy: policyName,
        file,
        reason: 'it has no validations (auditAnnotations only)',
      });
      continue;
    }
    const matchesOnlyUpdate = (
      policy.spec?.matchConstraints?.resourceRules ?? []
    ).every((rule: ResourceRule) => !includes(rule.operations, OPERATION));
    for (const { object: binding } of bound) {
      const name = `${policyName} (binding ${binding.metadata?.name})`;
      if (matchesOnlyUpdate) {
        sink.skip({
          policy: name,
          file,
          reason:
            'its rules match no CREATE; rendered objects are evaluated as CREATE (oldObject null)',
        });
        continue;
      }
      out.push({
        name,
        file,
        check: (object, objectFile, findings) =>
          checkOne(
            { policy, binding, compiled, name, file, sources, namespaces },
            object,
            objectFile,
            findings,
          ),
      });
    }
  }
  return out;
}

interface Bound {
  policy: ManifestObject;
  binding: ManifestObject;
  compiled: Compiled;
  name: string;
  file: string;
  sources: SourcedObject[];
  namespaces: NamespaceIndex;
}

function checkOne(
  bound: Bound,
  object: ManifestObject,
  objectFile: string,
  sink: FindingSink,
) {
  const { policy, binding, compiled, name, namespaces } = bound;
  const skip = (reason: string) =>
    sink.skip({ policy: name, file: bound.file, reason });
  for (const decision of [
    matchResources(policy.spec?.matchConstraints, object, namespaces, true),
    matchResources(binding.spec?.matchResources, object, namespaces, false),
  ]) {
    if (decision === false) return;
    if (decision !== true) {
      skip(decision.undecidable);
      return;
    }
  }
  const params = paramsFor(policy, binding, object, bound.sources);
  if (params && 'missing' in params) {
    skip(params.missing);
    return;
  }
  const severity = severityOf(binding.spec?.validationActions);
  const failClosed = policy.spec?.failurePolicy !== 'Ignore';
  const id = objectId(object);
  const report = (message: string) =>
    sink.violation({
      file: objectFile,
      object: id,
      rule: 'validating-admission-policy',
      policy: name,
      severity,
      message: `${id} ${message}`,
    });
  const failed = (what: string, message: string) => {
    if (failClosed) report(`${what} failed to evaluate: ${message}`);
    else skip(`${what} failed to evaluate (failurePolicy Ignore): ${message}`);
  };

  const namespaceName = object.metadata?.namespace;
  const namespaceObject =
    isClusterScoped(object) || !namespaceName
      ? null
      : namespaces.object(namespaceName);
  const { group, version } = groupVersion(object.apiVersion);
  const base: Record<string, unknown> = {
    object: toCel(object),
    oldObject: null,
    request: toCel({
      operation: OPERATION,
      kind: { group, version, kind: object.kind },
      resource: { group, version, resource: resourceOf(object.kind) },
      name: object.metadata?.name ?? '',
      namespace: namespaceName ?? '',
      dryRun: false,
    }),
    namespaceObject: namespaceObject ? toCel(namespaceObject) : null,
  };
  const programs = [
    ...compiled.matchConditions.map(c => c.program),
    ...compiled.variables.map(v => v.program),
    ...compiled.validations.map(v => v.program),
  ];
  if (
    namespaceObject === undefined &&
    programs.some(p => p.identifiers.has('namespaceObject'))
  ) {
    skip(
      `it reads namespaceObject and namespace ${namespaceName} is not in the config repo`,
    );
    return;
  }

  for (const param of params ?? [null]) {
    const bindings: Record<string, unknown> = {
      ...base,
      params: param ? toCel(param) : null,
    };
    const run = (program: CelProgram, what: string) => {
      const outcome = program.evaluate(bindings);
      if (outcome.kind === 'unsupported') {
        skip(`${what}: ${outcome.reason}`);
        return undefined;
      }
      if (outcome.kind === 'error') {
        failed(what, outcome.message);
        return undefined;
      }
      return outcome;
    };
    let applies = true;
    for (const condition of compiled.matchConditions) {
      const outcome = run(
        condition.program,
        `matchCondition ${condition.name}`,
      );
      if (!outcome) return;
      if (outcome.value !== true) applies = false;
    }
    if (!applies) continue;
    const variables: Record<string, unknown> = {};
    bindings.variables = variables;
    for (const variable of compiled.variables) {
      const outcome = run(variable.program, `variable ${variable.name}`);
      if (!outcome) return;
      variables[variable.name] = outcome.value;
    }
    compiled.validations.forEach((validation, i) => {
      const outcome = run(validation.program, `validations[${i}]`);
      if (!outcome) return;
      if (typeof outcome.value !== 'boolean') {
        failed(`validations[${i}]`, 'the expression does not return a bool');
        return;
      }
      if (outcome.value) return;
      report(messageOf(validation, bindings, object.kind !== 'Secret'));
    });
  }
}

/** messageExpression (when it gives a non-empty string), else message, else the API server's default message. */
function messageOf(
  validation: Compiled['validations'][number],
  bindings: Record<string, unknown>,
  evaluateMessage: boolean,
): string {
  // A Secret's message is never computed from the object: it could print the secret's values.
  if (validation.messageProgram && evaluateMessage) {
    const outcome = validation.messageProgram.evaluate(bindings);
    const text = outcome.kind === 'value' ? fromCel(outcome.value) : undefined;
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  return (
    validation.message ?? `failed Expression: ${validation.program.expression}`
  );
}
