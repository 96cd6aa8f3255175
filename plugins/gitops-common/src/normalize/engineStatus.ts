import { Condition, Health, ObjectRef, ObjectStatus } from '../schema';
import {
  asText,
  asTimestamp,
  at,
  latestTimestamp,
  RawCondition,
  readConditions,
} from './raw';

/**
 * What an engine-specific normaliser contributes to an {@link ObjectStatus}.
 *
 * @public
 */
export type EngineStatus = Pick<
  ObjectStatus,
  'sync' | 'health' | 'conditions' | 'suspended'
> &
  Partial<
    Pick<
      ObjectStatus,
      | 'operation'
      | 'revision'
      | 'revisionRaw'
      | 'source'
      | 'sources'
      | 'lastTransitionTime'
      | 'resources'
      | 'rollout'
      | 'crossplane'
      | 'provisioning'
      | 'generator'
      | 'driftPolicy'
      | 'dependsOn'
    >
  >;

/**
 * Bounds that keep one record small whatever the cluster holds.
 *
 * @public
 */
export const NORMALIZE_LIMITS = {
  /** Longer messages are cut and end with an ellipsis. */
  messageLength: 4096,
  conditions: 100,
  resources: 5000,
  /** Helm values files of one source (Argo CD allows any number; a release rarely has more than a few). */
  valueFiles: 20,
};

export function clip(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= NORMALIZE_LIMITS.messageLength) {
    return text;
  }
  return `${text.slice(0, NORMALIZE_LIMITS.messageLength - 1)}…`;
}

/** Raw conditions as schema conditions: typed entries only, bounded in count and size. */
export function toConditions(raw: RawCondition[] | undefined): Condition[] {
  const result: Condition[] = [];
  for (const condition of raw ?? []) {
    if (result.length >= NORMALIZE_LIMITS.conditions) break;
    if (condition.type === undefined) continue;
    const entry: Condition = { type: condition.type };
    if (condition.status !== undefined) entry.status = condition.status;
    if (condition.reason !== undefined) entry.reason = clip(condition.reason);
    if (condition.message !== undefined)
      entry.message = clip(condition.message);
    const time = asTimestamp(condition.lastTransitionTime);
    if (time !== undefined) entry.lastTransitionTime = time;
    if (
      condition.observedGeneration !== undefined &&
      Number.isInteger(condition.observedGeneration)
    ) {
      entry.observedGeneration = condition.observedGeneration;
    }
    result.push(entry);
  }
  return result;
}

/** Drops keys whose value is undefined, so records compare and serialise cleanly. */
export function compact<T extends object>(value: T): T {
  // A plain loop: entries/filter/fromEntries allocate three arrays per call, and this runs for
  // every resource of every object.
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out as T;
}

/**
 * The record of a kind that owns no sync: its health, its conditions and their latest transition.
 * Most kinds beyond the delivery engines need nothing more.
 */
export function conditionsStatus(
  obj: unknown,
  objectHealth: Health,
  suspended: boolean,
): EngineStatus {
  const raw = readConditions(at(obj, 'status'));
  return compact({
    sync: 'Unknown' as const,
    health: objectHealth,
    conditions: toConditions(raw),
    lastTransitionTime: latestTimestamp(
      (raw ?? []).map(c => c.lastTransitionTime),
    ),
    suspended,
  });
}

/** A reference (`name`, and `apiVersion`, `kind`, `namespace` when given) read from a raw object; undefined without a name. */
export function objectRefOf(value: unknown): ObjectRef | undefined {
  const name = asText(at(value, 'name'));
  if (!name) return undefined;
  return compact({
    apiVersion: asText(at(value, 'apiVersion')),
    kind: asText(at(value, 'kind')),
    name,
    namespace: asText(at(value, 'namespace')),
  });
}
