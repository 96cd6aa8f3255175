import { Health, HealthStatus, healthStatusSchema } from '../schema';
import { asArray, at, enumMember, errorMessage } from './raw';

/**
 * Argo CD replaces a Lua result whose status is not a health code with this
 * (argo-cd util/lua/lua.go, `invalidHealthStatus`).
 *
 * @public
 */
export const INVALID_HEALTH_STATUS_MESSAGE =
  'Lua returned an invalid health status';

/**
 * What Argo CD reports when a script returns nil instead of a table (argo-cd util/lua/lua.go,
 * `incorrectReturnType`).
 *
 * @public
 */
export const NIL_LUA_RESULT_MESSAGE =
  'expect table output from Lua script, not nil';

/**
 * What Argo CD reports when a script returns an empty table: gopher-json encodes it as `[]`, which
 * does not unmarshal into a health status (argo-cd util/lua/lua.go, ExecuteHealthLua).
 *
 * @public
 */
export const EMPTY_LUA_RESULT_MESSAGE =
  'json: cannot unmarshal array into Go value of type health.HealthStatus';

/**
 * Thrown where Argo CD's Lua script would raise a runtime error (indexing nil,
 * comparing nil, concatenating nil). Argo CD then reports Unknown with the error text.
 *
 * @public
 */
export class HealthCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HealthCheckError';
  }
}

/**
 * True when a value is one of the health statuses.
 *
 * @public
 */
export const isHealthStatus = enumMember<HealthStatus>(healthStatusSchema);

/**
 * A health result; an empty or missing message (Lua `""` / nil) is left out.
 *
 * @public
 */
export function health(status: HealthStatus, message?: unknown): Health {
  return typeof message === 'string' && message.length > 0
    ? { status, message }
    : { status };
}

/**
 * Runs a health rule; a Lua-style runtime error becomes Unknown, as in Argo CD.
 *
 * @public
 */
export function runHealthCheck(
  check: (obj: unknown) => Health,
  obj: unknown,
): Health {
  try {
    return check(obj);
  } catch (error) {
    const detail = errorMessage(error);
    return health('Unknown', `Health check failed: ${detail}`);
  }
}

/**
 * The block that opens Argo CD's current health.lua scripts (Flux, Crossplane,
 * Rollout, ApplicationSet): an object with metadata.deletionTimestamp is
 * Progressing, naming the finalizers that hold it.
 *
 * @public
 */
export function pendingDeletionHealth(obj: unknown): Health | undefined {
  if (!isPendingDeletion(obj)) return undefined;
  const finalizers = (asArray(at(obj, 'metadata', 'finalizers')) ?? []).map(
    finalizer => {
      // Lua's table.concat takes strings and numbers, and raises on anything else.
      if (typeof finalizer === 'string' || typeof finalizer === 'number') {
        return String(finalizer);
      }
      throw new HealthCheckError(
        "invalid value in table for 'concat' (metadata.finalizers)",
      );
    },
  );
  return health(
    'Progressing',
    finalizers.length > 0
      ? `Pending deletion; blocked by finalizers: ${finalizers.join(', ')}`
      : 'Pending deletion',
  );
}

/**
 * Whether metadata.deletionTimestamp is set (the object is being deleted).
 *
 * @public
 */
export function isPendingDeletion(obj: unknown): boolean {
  const deletionTimestamp = at(obj, 'metadata', 'deletionTimestamp');
  return deletionTimestamp !== undefined && deletionTimestamp !== null;
}

/**
 * For kinds Argo CD has no built-in health check for.
 *
 * @public
 */
export function noHealthCheck(group: string, kind: string): Health {
  return health(
    'Unknown',
    `Argo CD has no built-in health check for ${group || 'core'}/${kind}`,
  );
}

/**
 * Lua `a < b` on values that must be numbers, else the error Lua raises.
 *
 * @public
 */
export function requireNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HealthCheckError(`${field} is not a number`);
  }
  return value;
}
