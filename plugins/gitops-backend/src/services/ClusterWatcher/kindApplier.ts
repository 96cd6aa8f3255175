import {
  matchableObject,
  normalizeObject,
} from '@gitops-portal/plugin-gitops-common';
import { CacheInput, ObjectCache } from '../ObjectCache';
import type { HealthSources } from './healthSources';
import { apiVersionOf, kindId, ResolvedKind } from './kinds';
import { RawObserver } from './types';

/** One raw object of a watched kind as the ObjectCache stores it. */
function toCacheInput(
  obj: Record<string, unknown>,
  context: {
    cluster: string;
    environment?: string;
    kind: ResolvedKind;
    health?: HealthSources;
  },
): CacheInput {
  const { kind } = context;
  // Typed lists may omit apiVersion/kind on items.
  if (typeof obj.apiVersion !== 'string') obj.apiVersion = apiVersionOf(kind);
  if (typeof obj.kind !== 'string') obj.kind = kind.kind;
  const meta = obj.metadata as { resourceVersion?: unknown } | undefined;
  const record = normalizeObject(obj, {
    cluster: context.cluster,
    environment: context.environment,
    crossplaneRole: kind.crossplaneRole,
  });
  const match = matchableObject(obj);
  return {
    record: context.health
      ? context.health.decorate(record, obj, match)
      : record,
    match,
    resourceVersion:
      typeof meta?.resourceVersion === 'string'
        ? meta.resourceVersion
        : undefined,
  };
}

export interface KindApplierOptions {
  cluster: string;
  environment?: string;
  kind: ResolvedKind;
  cache: ObjectCache;
  observer?: RawObserver;
  /** False for kinds only the watcher itself needs (CRDs): objects go to the observer only. */
  cacheObjects?: boolean;
  /** Decides where each object's health comes from (Application report, custom script, built-in rule). */
  health?: HealthSources;
  /**
   * Which objects to cache (read and decorated); default all. Core workloads are cached only while an Argo CD
   * Application reports them: a cluster's every Deployment is not the portal's business.
   */
  accept?: (input: CacheInput) => boolean;
}

/** One full list being applied: pages as they arrive, then the end (objects not listed are gone). */
export interface ListApplier {
  page(items: unknown[]): void;
  finish(): void;
}

/**
 * Applies what one kind's list+watch loop reads to the ObjectCache (normalised) and to the kind's raw observer, if
 * it has one. The loop decides when; this decides what the cache and observer see.
 */
export class KindApplier {
  constructor(private readonly options: KindApplierOptions) {}

  get id() {
    return kindId(this.options.cluster, this.options.kind);
  }

  private get cached() {
    return this.options.cacheObjects !== false;
  }

  private toInput(obj: Record<string, unknown>): CacheInput {
    return toCacheInput(obj, this.options);
  }

  /**
   * Starts a relist. Each page goes into the cache as it arrives, so a big list never holds all its raw objects or
   * records at once (only kinds with an observer, XRDs and CRDs, keep their raw objects until the end).
   */
  beginList(): ListApplier {
    const { observer } = this.options;
    const relist = this.cached
      ? this.options.cache.beginRelist(this.id)
      : undefined;
    const raw: Record<string, unknown>[] = [];
    return {
      page: items => {
        const inputs: CacheInput[] = [];
        for (const item of items) {
          if (!item || typeof item !== 'object') continue;
          const obj = item as Record<string, unknown>;
          if (relist) {
            const input = this.toInput(obj);
            if (this.accepted(input)) inputs.push(input);
          }
          if (observer) raw.push(obj);
        }
        relist?.putPage(inputs);
      },
      finish() {
        relist?.finish();
        observer?.replaced(raw);
      },
    };
  }

  upserted(object: Record<string, unknown>) {
    if (this.cached) {
      const input = this.toInput(object);
      if (this.accepted(input)) this.options.cache.upsert(this.id, input);
      // No longer reported by an Application: gone from the portal's view.
      else this.options.cache.remove(input.record.key);
    }
    this.options.observer?.upserted(object);
  }

  private accepted(input: CacheInput) {
    return this.options.accept?.(input) ?? true;
  }

  deleted(object: Record<string, unknown>) {
    if (this.cached) {
      const meta = object.metadata as { resourceVersion?: string } | undefined;
      const key = normalizeObject(object, {
        cluster: this.options.cluster,
        crossplaneRole: this.options.kind.crossplaneRole,
      }).key;
      this.options.health?.forget(key);
      this.options.cache.remove(key, meta?.resourceVersion);
    }
    this.options.observer?.deleted(object);
  }
}
