import { CelProgram, compileCel, toCel } from '../policies/cel';
import { fieldPath } from './fieldErrors';

/** What a CRD's `x-kubernetes-validations` rules found for one object. */
export interface CrdRuleFindings {
  /** `<field path>: <message>` of every rule that failed, as the API server words it (`failed rule: <rule>`). */
  problems: string[];
  /** Rules that could not be evaluated here (a Kubernetes CEL library function), by rule: never counted as passed. */
  notEvaluated: Array<{ rule: string; reason: string }>;
}

/** A JSON pointer segment (`fieldPath` reads pointers). */
const escape = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

type Compile = (rule: string) => CelProgram | { unsupported: string };

const isObject = (value: unknown): value is Record<string, any> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Caches each rule's compiled program for the life of one validator. */
export function createRuleCompiler(): Compile {
  const programs = new Map<string, CelProgram | { unsupported: string }>();
  return rule => {
    let program = programs.get(rule);
    if (!program) {
      program = compileCel(rule);
      programs.set(rule, program);
    }
    return program;
  };
}

/**
 * Evaluates the CEL rules (`x-kubernetes-validations`) of a CRD's `openAPIV3Schema` on an object being created, the
 * way the Kubernetes "Validation rules" documentation describes them: each rule on every value its schema node
 * applies to (`self`), skipped where the value is absent; transition rules (reading `oldSelf`) are evaluated on
 * updates only, so never here. `messageExpression` is not evaluated: `message` (or the rule) names the failure.
 */
export function crdRuleFindings(
  schema: unknown,
  object: unknown,
  compile: Compile,
): CrdRuleFindings {
  const findings: CrdRuleFindings = { problems: [], notEvaluated: [] };
  const visit = (node: unknown, value: unknown, pointer: string) => {
    if (!isObject(node) || value === undefined || value === null) return;
    const rules = Array.isArray(node['x-kubernetes-validations'])
      ? node['x-kubernetes-validations']
      : [];
    for (const { rule, message, fieldPath: relative } of rules.filter(
      (r: unknown) => isObject(r) && typeof r.rule === 'string',
    )) {
      const program = compile(rule);
      if ('unsupported' in program) {
        findings.notEvaluated.push({ rule, reason: program.unsupported });
        continue;
      }
      if (program.identifiers.has('oldSelf')) continue;
      const outcome = program.evaluate({ self: toCel(value) });
      const where =
        (fieldPath(pointer) || '(root)') +
        (typeof relative === 'string' ? relative : '');
      if (outcome.kind === 'unsupported') {
        findings.notEvaluated.push({ rule, reason: outcome.reason });
      } else if (outcome.kind === 'error') {
        findings.problems.push(
          `${where}: rule "${rule}" fails to evaluate: ${outcome.message}`,
        );
      } else if (outcome.value !== true) {
        findings.problems.push(
          `${where}: ${
            typeof message === 'string' ? message : `failed rule: ${rule}`
          }`,
        );
      }
    }
    if (isObject(value) && isObject(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) {
        visit(child, value[name], `${pointer}/${escape(name)}`);
      }
    } else if (isObject(value) && isObject(node.additionalProperties)) {
      for (const [name, child] of Object.entries(value)) {
        visit(node.additionalProperties, child, `${pointer}/${escape(name)}`);
      }
    } else if (Array.isArray(value) && isObject(node.items)) {
      value.forEach((item, index) =>
        visit(node.items, item, `${pointer}/${index}`),
      );
    }
  };
  visit(schema, object, '');
  return findings;
}
