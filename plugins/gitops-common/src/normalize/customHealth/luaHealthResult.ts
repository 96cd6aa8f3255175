import { Health } from '../../schema';
import { clip } from '../engineStatus';
import {
  EMPTY_LUA_RESULT_MESSAGE,
  health,
  INVALID_HEALTH_STATUS_MESSAGE,
  isHealthStatus,
} from '../health';

/**
 * What one run of a health script gave, as the sandbox reports it: the Lua type of the value the script returned
 * and, for a table, its `status` and `message` fields; or the error the script raised (a timeout and running out
 * of memory included).
 *
 * @public
 */
export type LuaHealthOutcome =
  | { error: string }
  | {
      /** Lua `type()` of the returned value. */
      type: string;
      /** For a table: whether it is empty (`{}`). */
      empty?: boolean;
      /** `status` when it is a string (else absent). */
      status?: string;
      /** `message` when it is a string. */
      message?: string;
      /** Lua `type()` of a `message` that is not a string. */
      messageType?: string;
    };

/**
 * Argo CD's contract for a health script's result (argo-cd util/lua `ExecuteHealthLua`): a table with a valid
 * `status` and an optional string `message`. Anything else — an error, a non-table, an empty table, a status that is
 * not a health code, a message that is not a string — is Unknown with a message saying what was wrong.
 *
 * @public
 */
export function healthFromLuaOutcome(outcome: LuaHealthOutcome): Health {
  if ('error' in outcome) {
    return health('Unknown', clip(`Health script failed: ${outcome.error}`));
  }
  if (outcome.type !== 'table') {
    return health(
      'Unknown',
      `expect table output from Lua script, not ${outcome.type}`,
    );
  }
  if (outcome.empty) return health('Unknown', EMPTY_LUA_RESULT_MESSAGE);
  if (!isHealthStatus(outcome.status)) {
    return health('Unknown', INVALID_HEALTH_STATUS_MESSAGE);
  }
  if (outcome.messageType !== undefined) {
    return health(
      'Unknown',
      `Lua returned a message that is not a string (${outcome.messageType})`,
    );
  }
  return health(outcome.status, clip(outcome.message));
}
