import { errors } from '../apiError';

export type Requirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

export type Labels = Record<string, string> | undefined;

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

function fail(raw: string, why: string): never {
  throw errors.badRequest(`unable to parse requirement: ${why} (in "${raw}")`);
}

/** Splits on commas that are not inside `( ... )`. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(selector.slice(start));
  return parts.map(p => p.trim());
}

function checkKey(raw: string, key: string): string {
  if (!KEY.test(key)) fail(raw, `invalid label key "${key}"`);
  return key;
}

function checkValue(raw: string, value: string): string {
  if (!VALUE.test(value) || value.length > 63)
    fail(raw, `invalid label value: "${value}"`);
  return value;
}

function parseRequirement(raw: string): Requirement {
  if (raw.startsWith('!'))
    return { key: checkKey(raw, raw.slice(1).trim()), op: 'notexists' };
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(raw);
  if (set) {
    const values = set[3].split(',').map(v => checkValue(raw, v.trim()));
    return { key: checkKey(raw, set[1]), op: set[2] as 'in' | 'notin', values };
  }
  const eq = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(raw);
  if (eq) {
    const value = checkValue(raw, eq[3].trim());
    return {
      key: checkKey(raw, eq[1]),
      op: eq[2] === '!=' ? 'notin' : 'in',
      values: [value],
    };
  }
  if (/^\S+$/.test(raw)) return { key: checkKey(raw, raw), op: 'exists' };
  return fail(raw, 'found unexpected token');
}

/** Parses a Kubernetes label selector (`a=b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma = AND). */
export function parseLabelSelector(
  selector: string | undefined,
): Requirement[] {
  if (!selector || !selector.trim()) return [];
  return splitTopLevel(selector).map(part => {
    if (!part) fail(selector, 'empty requirement');
    return parseRequirement(part);
  });
}

export function matchesLabels(
  requirements: Requirement[],
  labels: Labels,
): boolean {
  for (const r of requirements) {
    const has =
      labels !== undefined &&
      Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(labels![r.key])) return false;
        break;
      case 'notin':
        if (has && r.values.includes(labels![r.key])) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
