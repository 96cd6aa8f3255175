/**
 * Defensive readers for raw Kubernetes JSON. Watch events hand us `unknown`;
 * every field may be missing or of the wrong type, and none of these throw.
 *
 * @public
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A non-empty string, else undefined. */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The non-empty strings of a list, at most `max` of them; undefined when there are none. */
export function asTextList(value: unknown, max: number): string[] | undefined {
  const texts = (asArray(value) ?? []).slice(0, max).flatMap(item => {
    const text = asText(item);
    return text === undefined ? [] : [text];
  });
  return texts.length > 0 ? texts : undefined;
}

/**
 * A membership test for a zod enum's values. Normalisers run it for every resource of every object,
 * where a `safeParse` (context and result objects per call) is most of the allocation of a cold start.
 */
export function enumMember<T extends string>(schema: {
  options: readonly T[];
}): (value: unknown) => value is T {
  const values = new Set<unknown>(schema.options);
  return (value: unknown): value is T => values.has(value);
}

/** Reads `obj.a.b.c`; undefined as soon as a step is not an object. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Lua's `tonumber` on the values Kubernetes JSON holds: numbers and numeric strings. */
export function luaToNumber(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text, 16);
  return undefined;
}

/** A Kubernetes-style condition as read from status.conditions[]. */
export interface RawCondition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/**
 * status.conditions as a list, or undefined when absent or not a list.
 * Entries that are not objects are skipped (a Lua `ipairs` loop ignores their fields too).
 */
export function readConditions(status: unknown): RawCondition[] | undefined {
  const list = asArray(at(status, 'conditions'));
  if (!list) return undefined;
  return list.filter(isRecord).map(entry => ({
    type: asString(entry.type),
    status: asString(entry.status),
    reason: asString(entry.reason),
    message: asString(entry.message),
    lastTransitionTime: asString(entry.lastTransitionTime),
    observedGeneration: asNumber(entry.observedGeneration),
  }));
}

/** A timestamp as ISO 8601 (UTC), or undefined when it does not parse. */
export function asTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}

/** The latest of some timestamps (ISO), ignoring ones that do not parse. */
export function latestTimestamp(values: unknown[]): string | undefined {
  let latest: number | undefined;
  for (const value of values) {
    const iso = asTimestamp(value);
    if (iso === undefined) continue;
    const millis = Date.parse(iso);
    if (latest === undefined || millis > latest) latest = millis;
  }
  return latest === undefined ? undefined : new Date(latest).toISOString();
}

/** metadata.labels / annotations as string maps (non-string values dropped). */
export function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(value)) return result;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') result[key] = entry;
  }
  return result;
}

/**
 * The group part of an apiVersion: '' for the core group (`v1`).
 *
 * @public
 */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The message of anything thrown. Duck-typed: `instanceof Error` fails for
 * errors made in another realm (a vm context, an iframe).
 */
export function errorMessage(error: unknown): string {
  const message = at(error, 'message');
  return typeof message === 'string' ? message : String(error);
}
