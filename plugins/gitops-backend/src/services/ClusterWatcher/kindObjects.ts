import {
  matchableObject,
  normalizeObject,
} from '@gitops-portal/plugin-gitops-common';
import { KubeRequestError } from '../KubeClient';
import { CacheInput } from '../StatusCache';
import { apiVersionOf, ResolvedKind } from './kinds';

/** The list RV is too old (410 / ERROR Expired): only a full relist helps. */
export class ExpiredError extends Error {}

export const isExpired = (error: unknown) =>
  error instanceof ExpiredError ||
  (error instanceof KubeRequestError && error.status === 410);

/** One raw object of a watched kind as the cache stores it. */
export function toCacheInput(
  obj: Record<string, unknown>,
  context: { cluster: string; environment?: string; kind: ResolvedKind },
): CacheInput {
  const { kind } = context;
  // Typed lists may omit apiVersion/kind on items.
  if (typeof obj.apiVersion !== 'string') obj.apiVersion = apiVersionOf(kind);
  if (typeof obj.kind !== 'string') obj.kind = kind.kind;
  const meta = obj.metadata as { resourceVersion?: unknown } | undefined;
  return {
    record: normalizeObject(obj, {
      cluster: context.cluster,
      environment: context.environment,
      crossplaneRole: kind.crossplaneRole,
    }),
    match: matchableObject(obj),
    resourceVersion:
      typeof meta?.resourceVersion === 'string'
        ? meta.resourceVersion
        : undefined,
  };
}

/** Default server-side watch timeout range: a random 30–60 minutes per watch request. */
export const WATCH_TIMEOUT_MIN_S = 1800;
export const WATCH_TIMEOUT_MAX_S = 3600;

/** Raw objects of a kind, for watchers that need more than the status record (XRDs). */
export interface RawObserver {
  replaced(objects: Record<string, unknown>[]): void;
  upserted(object: Record<string, unknown>): void;
  deleted(object: Record<string, unknown>): void;
}
