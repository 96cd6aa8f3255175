import { errors } from '../apiError';
import { KubeObject } from '../types';

export interface FieldRequirement {
  path: string[];
  value: string;
  negate: boolean;
}

const ALWAYS = ['metadata.name', 'metadata.namespace'];

/** Parses `metadata.name=x,metadata.namespace!=y`; only fields the resource supports, like the real server. */
export function parseFieldSelector(
  selector: string | undefined,
  extraFields: string[],
): FieldRequirement[] {
  if (!selector || !selector.trim()) return [];
  return selector.split(',').map(part => {
    const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m)
      throw errors.badRequest(
        `invalid selector: '${selector}'; can't understand '${part}'`,
      );
    if (!ALWAYS.includes(m[1]) && !extraFields.includes(m[1])) {
      throw errors.badRequest(`field label not supported: ${m[1]}`);
    }
    return { path: m[1].split('.'), value: m[3], negate: m[2] === '!=' };
  });
}

function valueAt(obj: KubeObject, path: string[]): string {
  let cur: unknown = obj;
  for (const segment of path) {
    if (typeof cur !== 'object' || cur === null) return '';
    cur = (cur as Record<string, unknown>)[segment];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

export function matchesFields(
  requirements: FieldRequirement[],
  obj: KubeObject,
): boolean {
  return requirements.every(
    r => (valueAt(obj, r.path) === r.value) !== r.negate,
  );
}
