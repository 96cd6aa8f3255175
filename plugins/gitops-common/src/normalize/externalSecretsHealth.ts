import { Health } from '../schema';
import { conditionRulesHealth } from './conditionRules';
import { conditionsStatus, EngineStatus } from './engineStatus';
import { GenerationLag } from './generation';
import {
  health,
  HealthCheckError,
  NIL_LUA_RESULT_MESSAGE,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';
import { asNumber, asString, at, readConditions } from './raw';

/**
 * Health of External Secrets Operator's ExternalSecret, SecretStore and ClusterSecretStore:
 * TypeScript re-implementations of Argo CD's built-in checks
 * `resource_customizations/external-secrets.io/<Kind>/health.lua` (argoproj/argo-cd).
 *
 * - ExternalSecret: the first Ready condition decides, except that with `spec.refreshPolicy: OnChange`
 *   a Ready older than `status.refreshTime` is skipped (the strings are compared, as in Lua; either
 *   missing is a Lua error). True → Healthy, False → Degraded, with its message; Ready=Unknown makes
 *   the script return nothing, which Argo CD reports as Unknown
 *   `expect table output from Lua script, not nil`. No decision → Progressing `Waiting for ExternalSecret`.
 * - SecretStore / ClusterSecretStore: the first Ready condition decides (False → Degraded, True →
 *   Healthy, its message), else Progressing `Waiting for <Kind>`.
 *
 * External Secrets has no suspend field and writes no status.observedGeneration; it records the
 * generation it synced as the prefix of `status.syncedResourceVersion` (`<generation>-<hash>`), which
 * the portal's decision table reads for its stale-generation row.
 *
 * @public
 */
export const EXTERNAL_SECRETS_GROUP = 'external-secrets.io';
/**
 * The External Secrets Operator kinds whose health the portal computes.
 *
 * @public
 */
export const EXTERNAL_SECRETS_KINDS = [
  'ExternalSecret',
  'SecretStore',
  'ClusterSecretStore',
] as const;
/**
 * An External Secrets Operator kind whose health the portal computes.
 *
 * @public
 */
export type ExternalSecretsKind = (typeof EXTERNAL_SECRETS_KINDS)[number];

function checkExternalSecret(obj: unknown): Health {
  for (const condition of readConditions(at(obj, 'status')) ?? []) {
    if (condition.type !== 'Ready') continue;
    // The script reads obj.spec.refreshPolicy unguarded once it meets a Ready condition.
    const spec = at(obj, 'spec');
    if (spec === undefined || spec === null) {
      throw new HealthCheckError('spec is missing');
    }
    if (at(spec, 'refreshPolicy') === 'OnChange') {
      const changed = condition.lastTransitionTime;
      const refreshed = asString(at(obj, 'status', 'refreshTime'));
      if (changed === undefined || refreshed === undefined) {
        throw new HealthCheckError('attempt to compare nil values');
      }
      if (changed < refreshed) continue;
    }
    if (condition.status === 'False') {
      return health('Degraded', condition.message);
    }
    if (condition.status === 'True') {
      return health('Healthy', condition.message);
    }
    return health('Unknown', NIL_LUA_RESULT_MESSAGE);
  }
  return health('Progressing', 'Waiting for ExternalSecret');
}

function checkStore(kind: ExternalSecretsKind, obj: unknown): Health {
  for (const condition of readConditions(at(obj, 'status')) ?? []) {
    if (condition.type !== 'Ready') continue;
    if (condition.status === 'False') {
      return health('Degraded', condition.message);
    }
    if (condition.status === 'True') {
      return health('Healthy', condition.message);
    }
  }
  return health('Progressing', `Waiting for ${kind}`);
}

/**
 * Argo CD's health of an External Secrets object.
 *
 * @public
 */
export function externalSecretsHealth(
  kind: ExternalSecretsKind,
  obj: unknown,
): Health {
  return runHealthCheck(
    o =>
      pendingDeletionHealth(o) ??
      (kind === 'ExternalSecret'
        ? checkExternalSecret(o)
        : checkStore(kind, o)),
    obj,
  );
}

/**
 * The generation an ExternalSecret last synced, from `status.syncedResourceVersion`, if behind.
 *
 * @public
 */
export function externalSecretGenerationLag(
  obj: unknown,
): GenerationLag | undefined {
  const generation = asNumber(at(obj, 'metadata', 'generation'));
  const synced = asString(at(obj, 'status', 'syncedResourceVersion'));
  const match = synced ? /^(\d+)-/.exec(synced) : null;
  if (generation === undefined || !match) return undefined;
  const observedGeneration = Number(match[1]);
  return observedGeneration < generation
    ? { generation, observedGeneration }
    : undefined;
}

/**
 * Normalises an External Secrets object: Argo CD's check, settled by the decision table.
 *
 * @public
 */
export function externalSecretsStatus(
  kind: ExternalSecretsKind,
): (obj: unknown) => EngineStatus {
  return obj =>
    conditionsStatus(
      obj,
      conditionRulesHealth(obj, {
        kindHealth: externalSecretsHealth(kind, obj),
        suspended: false,
        lag:
          kind === 'ExternalSecret'
            ? externalSecretGenerationLag(obj)
            : undefined,
      }),
      false,
    );
}
