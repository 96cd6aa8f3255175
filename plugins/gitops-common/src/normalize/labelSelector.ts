/**
 * Kubernetes label selectors in their text form (`app=web,tier in (a,b),!legacy`),
 * as `kubectl -l` and the API's `labelSelector` parameter take them.
 *
 * @public
 */

export type LabelSelectorOperator =
  | 'Equals'
  | 'NotEquals'
  | 'In'
  | 'NotIn'
  | 'Exists'
  | 'DoesNotExist';

/**
 * One requirement of a label selector: a key, an operator and its values.
 *
 * @public
 */
export interface LabelSelectorRequirement {
  key: string;
  operator: LabelSelectorOperator;
  values: string[];
}

/**
 * Requirements that must all hold. No requirements matches every object, as in Kubernetes.
 *
 * @public
 */
export interface LabelSelector {
  requirements: LabelSelectorRequirement[];
}

/**
 * Thrown by `parseLabelSelector` for text that is not a label selector.
 *
 * @public
 */
export class LabelSelectorParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSelectorParseError';
  }
}

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * A label key: `[prefix/]name`, prefix a DNS subdomain (at most 253 characters), name at most 63.
 *
 * @public
 */
export function isValidLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (
    prefix !== undefined &&
    (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
  ) {
    return false;
  }
  return name.length <= 63 && NAME.test(name);
}

/**
 * A label value: empty, or at most 63 alphanumerics with `-_.` inside.
 *
 * @public
 */
export function isValidLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME.test(value));
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0 || depth > 1) {
      throw new LabelSelectorParseError(`unbalanced parentheses in "${text}"`);
    }
  }
  if (depth !== 0)
    throw new LabelSelectorParseError(`unbalanced parentheses in "${text}"`);
  parts.push(text.slice(start));
  return parts;
}

function checkKey(key: string): string {
  if (!isValidLabelKey(key))
    throw new LabelSelectorParseError(`invalid label key "${key}"`);
  return key;
}

function checkValue(value: string): string {
  if (!isValidLabelValue(value)) {
    throw new LabelSelectorParseError(`invalid label value "${value}"`);
  }
  return value;
}

function parseRequirement(text: string): LabelSelectorRequirement {
  const notExists = /^!\s*(\S+)$/.exec(text);
  if (notExists) {
    return {
      key: checkKey(notExists[1]),
      operator: 'DoesNotExist',
      values: [],
    };
  }
  const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(text);
  if (set) {
    const values = set[3].split(',').map(v => checkValue(v.trim()));
    if (set[3].trim() === '') {
      throw new LabelSelectorParseError(`"${set[2]}" needs at least one value`);
    }
    return {
      key: checkKey(set[1]),
      operator: set[2] === 'in' ? 'In' : 'NotIn',
      values,
    };
  }
  const compare = /^([^=!\s]+)\s*(==|!=|=)\s*([^=!\s]*)$/.exec(text);
  if (compare) {
    return {
      key: checkKey(compare[1]),
      operator: compare[2] === '!=' ? 'NotEquals' : 'Equals',
      values: [checkValue(compare[3])],
    };
  }
  if (/^\S+$/.test(text) && !/[=!()<>]/.test(text)) {
    return { key: checkKey(text), operator: 'Exists', values: [] };
  }
  throw new LabelSelectorParseError(`cannot parse requirement "${text}"`);
}

/**
 * Parses a selector; throws {@link LabelSelectorParseError} on invalid text. '' selects everything.
 *
 * @public
 */
export function parseLabelSelector(text: string): LabelSelector {
  if (text.trim() === '') return { requirements: [] };
  const requirements = splitTopLevel(text).map(part => {
    const trimmed = part.trim();
    if (trimmed === '')
      throw new LabelSelectorParseError(`empty requirement in "${text}"`);
    return parseRequirement(trimmed);
  });
  return { requirements };
}

function holds(
  labels: Record<string, string>,
  requirement: LabelSelectorRequirement,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Equals':
    case 'In':
      return has && requirement.values.includes(value as string);
    case 'NotEquals':
    case 'NotIn':
      // Kubernetes: an object without the label satisfies != and notin.
      return !has || !requirement.values.includes(value as string);
    default:
      return false;
  }
}

/**
 * Whether labels satisfy every requirement of the selector.
 *
 * @public
 */
export function matchesLabelSelector(
  labels: Record<string, string> | undefined,
  selector: LabelSelector,
): boolean {
  return selector.requirements.every(r => holds(labels ?? {}, r));
}

/**
 * The selector's text form, as the Kubernetes API's `labelSelector` parameter takes it.
 *
 * @public
 */
export function formatLabelSelector(selector: LabelSelector): string {
  return selector.requirements
    .map(({ key, operator, values }) => {
      switch (operator) {
        case 'Exists':
          return key;
        case 'DoesNotExist':
          return `!${key}`;
        case 'Equals':
          return `${key}=${values[0] ?? ''}`;
        case 'NotEquals':
          return `${key}!=${values[0] ?? ''}`;
        case 'In':
          return `${key} in (${values.join(',')})`;
        default:
          return `${key} notin (${values.join(',')})`;
      }
    })
    .join(',');
}
