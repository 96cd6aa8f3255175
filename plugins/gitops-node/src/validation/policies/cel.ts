import type * as CelLibrary from '@bufbuild/cel';
import type * as CelExtensions from '@bufbuild/cel/ext';
import { loadOnFirstUse } from '../../lib/loadOnFirstUse';

/**
 * CEL through @bufbuild/cel (cel-spec conformance tested, RE2 regular expressions like cel-go) with the
 * `strings` extension that Kubernetes also enables. Kubernetes' own libraries (lists, regex `find`, URLs,
 * quantities, IPs/CIDRs, semver, authorizer) are not there: an expression that calls one is reported as
 * unsupported, never as passed.
 *
 * Loaded on the first compile (issue 19): only policy and CRD-rule checks run CEL, and the library's import
 * would otherwise be paid by every importer of this package (each test file, the backend at start).
 */
const cel = loadOnFirstUse(() => {
  const library: typeof CelLibrary = require('@bufbuild/cel');
  const { strings }: typeof CelExtensions = require('@bufbuild/cel/ext');
  return { ...library, env: library.celEnv({ funcs: strings }) };
});

export type CelOutcome =
  | { kind: 'value'; value: unknown }
  /** Evaluation failed the way it would in the cluster (a missing field, a wrong type). */
  | { kind: 'error'; message: string }
  /** We cannot evaluate it here: a function the library lacks, or data only the cluster has. */
  | { kind: 'unsupported'; reason: string };

export interface CelProgram {
  expression: string;
  /** Every identifier the expression reads, e.g. `object`, `params`, `authorizer`. */
  identifiers: Set<string>;
  /** `request.<field>` fields it reads. */
  requestFields: Set<string>;
  evaluate(bindings: Record<string, unknown>): CelOutcome;
}

/** Integers become CEL ints (bigint), as Kubernetes types them from the OpenAPI schema; the rest is kept. */
export function toCel(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value))
    return BigInt(value);
  if (Array.isArray(value)) return value.map(toCel);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, toCel(v)]),
    );
  }
  return value;
}

/** A CEL value back to plain JS (lists and maps become arrays and objects; ints become numbers). */
export function fromCel(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  const { isCelList, isCelMap } = cel();
  if (isCelList(value)) return [...value].map(fromCel);
  if (isCelMap(value)) {
    return Object.fromEntries(
      [...value.entries()].map(([k, v]) => [String(k), fromCel(v)]),
    );
  }
  return value;
}

type Node = Record<string, any>;

function walk(node: unknown, visit: (expr: Node) => void) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach(child => walk(child, visit));
    return;
  }
  const record = node as Node;
  if (record.$typeName === 'cel.expr.Expr') visit(record);
  for (const [key, child] of Object.entries(record)) {
    if (key !== '$typeName') walk(child, visit);
  }
}

/** Parses once; a syntax the library cannot parse (e.g. optional `.?field`) is `unsupported`, not an error. */
export function compileCel(
  expression: string,
): CelProgram | { unsupported: string } {
  const { env, isCelError, parse, plan } = cel();
  let parsed;
  try {
    parsed = parse(expression);
  } catch (error) {
    return {
      unsupported: `the CEL library cannot parse it (${firstLine(error)})`,
    };
  }
  const identifiers = new Set<string>();
  const requestFields = new Set<string>();
  walk(parsed.expr, expr => {
    const { case: kind, value } = expr.exprKind ?? {};
    if (kind === 'identExpr') identifiers.add(value.name);
    if (
      kind === 'selectExpr' &&
      value.operand?.exprKind?.case === 'identExpr' &&
      value.operand.exprKind.value.name === 'request'
    ) {
      requestFields.add(value.field);
    }
  });
  const run = plan(env, parsed);
  return {
    expression,
    identifiers,
    requestFields,
    evaluate(bindings) {
      let result;
      try {
        result = run(bindings as any);
      } catch (error) {
        return { kind: 'error', message: firstLine(error) };
      }
      if (isCelError(result)) {
        const unbound = /unbound function: (\S+)/.exec(result.message);
        if (unbound) {
          return {
            kind: 'unsupported',
            reason: `the CEL library lacks the Kubernetes function ${unbound[1]}()`,
          };
        }
        return { kind: 'error', message: firstLine(result) };
      }
      return { kind: 'value', value: result };
    },
  };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
