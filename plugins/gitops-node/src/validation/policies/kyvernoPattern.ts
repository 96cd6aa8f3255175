import { wildcardMatch } from './selectors';

/**
 * Kyverno `validate.pattern` matching, as documented on kyverno.io ("Validate Rules": anchors, wildcards,
 * operators). Result: `pass`, `fail` with the path that failed, `skip` (a global anchor's condition is not met,
 * so the rule does not apply), or `unsupported` naming what we do not implement.
 */
export type PatternResult =
  | { kind: 'pass' }
  | { kind: 'fail'; path: string }
  | { kind: 'skip' }
  | { kind: 'unsupported'; what: string };

const PASS: PatternResult = { kind: 'pass' };
const fail = (path: string): PatternResult => ({ kind: 'fail', path });

type Anchor =
  | 'condition'
  | 'equality'
  | 'existence'
  | 'negation'
  | 'global'
  | 'add';

/** `(key)`, `=(key)`, `^(key)`, `X(key)`, `<(key)`, `+(key)` → the anchor and the bare key. */
export function parseAnchor(key: string): { anchor?: Anchor; key: string } {
  const match = /^([=^X<+]?)\((.+)\)$/.exec(key);
  if (!match) return { key };
  const anchors: Record<string, Anchor> = {
    '': 'condition',
    '=': 'equality',
    '^': 'existence',
    X: 'negation',
    '<': 'global',
    '+': 'add',
  };
  return { anchor: anchors[match[1]], key: match[2] };
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** Kubernetes quantities (`500m`, `1Gi`, `2k`) and plain numbers as numbers; undefined otherwise. */
export function quantity(text: string): number | undefined {
  const match = /^([+-]?\d+(?:\.\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const factor: Record<string, number> = {
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
  };
  return Number(match[1]) * (match[2] ? factor[match[2]] : 1);
}

/** One operand of a value pattern: comparison operators, ranges, `!` negation, or a wildcard literal. */
function matchOperand(
  pattern: string,
  value: unknown,
): boolean | 'unsupported' {
  const text = value === undefined || value === null ? '' : String(value);
  const comparison = /^(>=|<=|>|<)(.+)$/.exec(pattern);
  if (comparison) {
    const [a, b] = [quantity(text), quantity(comparison[2])];
    if (a === undefined || b === undefined) return 'unsupported';
    switch (comparison[1]) {
      case '>=':
        return a >= b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      default:
        return a < b;
    }
  }
  // `a-b` is inside the closed range, `a!-b` outside it.
  const range = /^([^!-][^-!]*)(!?)-(.+)$/.exec(pattern);
  if (
    range &&
    quantity(range[1]) !== undefined &&
    quantity(range[3]) !== undefined
  ) {
    const a = quantity(text);
    if (a === undefined) return false;
    const inside = a >= quantity(range[1])! && a <= quantity(range[3])!;
    return range[2] === '!' ? !inside : inside;
  }
  if (pattern.startsWith('!')) return !wildcardMatch(pattern.slice(1), text);
  return wildcardMatch(pattern, text);
}

/** A scalar pattern against a value: `|` is OR, `&` is AND, then operators and wildcards. */
function matchScalar(
  pattern: unknown,
  value: unknown,
): boolean | 'unsupported' {
  // `null` or "": the field is not defined or has no value.
  if (pattern === null || pattern === '') {
    return value === undefined || value === null || value === '';
  }
  // Any other pattern needs the field to exist (even `*`, which matches an empty value).
  if (value === undefined) return false;
  if (typeof pattern !== 'string') return value === pattern;
  if (pattern.includes('{{')) return 'unsupported';
  const alternatives = pattern
    .split('|')
    .map(alt => alt.split('&').map(part => matchOperand(part.trim(), value)));
  if (alternatives.flat().includes('unsupported')) return 'unsupported';
  return alternatives.some(parts => parts.every(Boolean));
}

/** Validates `resource` against `pattern` at `path`. */
export function matchPattern(
  resource: unknown,
  pattern: unknown,
  path = '',
): PatternResult {
  if (isMap(pattern)) return matchMap(resource, pattern, path);
  if (Array.isArray(pattern)) return matchArray(resource, pattern, path);
  const scalar = matchScalar(pattern, resource);
  if (scalar === 'unsupported')
    return {
      kind: 'unsupported',
      what: `the value pattern "${String(pattern)}" at ${path || '/'}`,
    };
  return scalar ? PASS : fail(path || '/');
}

function matchMap(
  resource: unknown,
  pattern: Record<string, unknown>,
  path: string,
): PatternResult {
  if (!isMap(resource)) return fail(path || '/');
  const entries = Object.entries(pattern).map(([raw, value]) => ({
    raw,
    value,
    ...parseAnchor(raw),
  }));
  // Conditions and global anchors first: when one is not met, the siblings are not checked.
  for (const entry of entries.filter(
    e => e.anchor === 'condition' || e.anchor === 'global',
  )) {
    const child = matchPattern(
      resource[entry.key],
      entry.value,
      `${path}/${entry.key}`,
    );
    if (child.kind === 'unsupported') return child;
    if (child.kind !== 'pass' || !(entry.key in resource)) {
      return entry.anchor === 'global' ? { kind: 'skip' } : PASS;
    }
  }
  for (const entry of entries) {
    const at = `${path}/${entry.key}`;
    const present = Object.prototype.hasOwnProperty.call(resource, entry.key);
    const value = resource[entry.key];
    switch (entry.anchor) {
      case 'condition':
      case 'global':
        continue;
      case 'add':
        return {
          kind: 'unsupported',
          what: `the mutate anchor ${entry.raw} at ${at}`,
        };
      case 'negation':
        if (present) return fail(at);
        continue;
      case 'equality':
        if (!present) continue;
        break;
      case 'existence': {
        const itemPattern = Array.isArray(entry.value)
          ? entry.value[0]
          : undefined;
        if (!Array.isArray(value) || itemPattern === undefined) return fail(at);
        const results = value.map((item, i) =>
          matchPattern(item, itemPattern, `${at}/${i}`),
        );
        const unsupported = results.find(r => r.kind === 'unsupported');
        if (unsupported) return unsupported;
        if (!results.some(r => r.kind === 'pass')) return fail(at);
        continue;
      }
      default:
        break;
    }
    const child = matchPattern(value, entry.value, at);
    if (child.kind !== 'pass') return child;
  }
  return PASS;
}

function matchArray(
  resource: unknown,
  pattern: unknown[],
  path: string,
): PatternResult {
  if (!Array.isArray(resource)) return fail(path || '/');
  if (pattern.length !== 1) {
    return {
      kind: 'unsupported',
      what: `a list pattern of ${pattern.length} elements at ${path || '/'}`,
    };
  }
  // Every element must match the one element of the pattern (a conditional anchor lets an element pass).
  for (const [i, item] of resource.entries()) {
    const child = matchPattern(item, pattern[0], `${path}/${i}`);
    if (child.kind !== 'pass') return child;
  }
  return PASS;
}
