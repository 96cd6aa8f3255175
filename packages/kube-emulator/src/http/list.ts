import { errors } from '../apiError';
import {
  matchesLabels,
  parseLabelSelector,
  Requirement,
} from '../query/labelSelector';
import {
  FieldRequirement,
  matchesFields,
  parseFieldSelector,
} from '../query/fieldSelector';
import {
  checkContinueFresh,
  decodeContinue,
  encodeContinue,
} from '../query/continueToken';
import { ClusterStore } from '../store/store';
import { groupVersion, ResourceType } from '../store/resourceType';
import { KubeObject } from '../types';
import { presentItem } from './present';

/** Label + field selectors of a list or watch request. */
export interface Selector {
  labels: Requirement[];
  fields: FieldRequirement[];
}

export function parseSelector(
  query: URLSearchParams,
  rt: ResourceType,
  name?: string,
): Selector {
  const fields = parseFieldSelector(
    query.get('fieldSelector') ?? undefined,
    rt.fieldSelectors,
  );
  if (name !== undefined)
    fields.push({ path: ['metadata', 'name'], value: name, negate: false });
  return {
    labels: parseLabelSelector(query.get('labelSelector') ?? undefined),
    fields,
  };
}

export function selects(
  selector: Selector,
  obj: KubeObject,
  namespace?: string,
): boolean {
  if (namespace !== undefined && obj.metadata.namespace !== namespace)
    return false;
  return (
    matchesLabels(selector.labels, obj.metadata.labels) &&
    matchesFields(selector.fields, obj)
  );
}

/** First index whose key is >= target. */
function lowerBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ListParams {
  rt: ResourceType;
  version: string;
  namespace?: string;
  query: URLSearchParams;
  continueTokenTtlMs: number;
}

/** A list response with limit/continue pagination over the etcd-like key order. */
export function listResponse(
  store: ClusterStore,
  p: ListParams,
): Record<string, unknown> {
  const { rt, query } = p;
  const selector = parseSelector(query, rt);
  const limitParam = query.get('limit');
  const limit = limitParam ? Number(limitParam) : 0;
  if (!Number.isInteger(limit) || limit < 0)
    throw errors.badRequest(`invalid limit: ${limitParam}`);
  const token = query.get('continue');
  let rv = store.resourceVersion;
  let issuedAt = Date.now();
  let start = '';
  if (token) {
    const state = decodeContinue(token);
    checkContinueFresh(state, store.epoch, p.continueTokenTtlMs);
    ({ rv, start, issuedAt } = state);
  }
  const { keys, objects } = store.entries(rt);
  const prefix = rt.namespaced && p.namespace ? `${p.namespace}/` : '';
  const end = prefix ? lowerBound(keys, `${prefix}\uffff`) : keys.length;
  const items: Record<string, unknown>[] = [];
  let index = lowerBound(keys, start > prefix ? start : prefix);
  for (; index < end; index++) {
    const obj = objects.get(keys[index])!;
    if (!selects(selector, obj)) continue;
    items.push(presentItem(obj, rt, p.version));
    if (limit && items.length === limit) {
      index++;
      break;
    }
  }
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (limit && index < end) {
    metadata.continue = encodeContinue({
      rv,
      start: `${keys[index - 1]}\u0000`,
      epoch: store.epoch,
      issuedAt,
    });
    const unfiltered =
      selector.labels.length === 0 && selector.fields.length === 0;
    if (unfiltered) metadata.remainingItemCount = end - index;
  }
  return {
    kind: rt.listKind,
    apiVersion: groupVersion(rt.group, p.version),
    metadata,
    items,
  };
}
