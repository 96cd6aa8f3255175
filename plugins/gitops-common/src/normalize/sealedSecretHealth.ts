import { Health } from '../schema';
import { conditionRulesHealth } from './conditionRules';
import { conditionsStatus, EngineStatus } from './engineStatus';
import { health, pendingDeletionHealth, runHealthCheck } from './health';
import { at, readConditions } from './raw';

/**
 * Health of a Bitnami SealedSecret: a TypeScript re-implementation of Argo CD's built-in check
 * `resource_customizations/bitnami.com/SealedSecret/health.lua` (argoproj/argo-cd). The first Synced
 * condition decides: False → Degraded, True → Healthy, with its message; else Progressing
 * `Waiting for Sealed Secret to be decrypted`. The controller has no suspend field; the portal's
 * decision table ({@link conditionRulesHealth}) comes on top.
 *
 * @public
 */
export const SEALED_SECRETS_GROUP = 'bitnami.com';
/**
 * The kind of a Bitnami sealed-secrets SealedSecret.
 *
 * @public
 */
export const SEALED_SECRET_KIND = 'SealedSecret';

function checkSealedSecret(obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;
  for (const condition of readConditions(at(obj, 'status')) ?? []) {
    if (condition.type !== 'Synced') continue;
    if (condition.status === 'False') {
      return health('Degraded', condition.message);
    }
    if (condition.status === 'True') {
      return health('Healthy', condition.message);
    }
  }
  return health('Progressing', 'Waiting for Sealed Secret to be decrypted');
}

/**
 * Argo CD's health of a SealedSecret.
 *
 * @public
 */
export function sealedSecretHealth(obj: unknown): Health {
  return runHealthCheck(checkSealedSecret, obj);
}

/**
 * Normalises a SealedSecret: Argo CD's check, settled by the decision table.
 *
 * @public
 */
export function sealedSecretStatus(obj: unknown): EngineStatus {
  return conditionsStatus(
    obj,
    conditionRulesHealth(obj, {
      kindHealth: sealedSecretHealth(obj),
      suspended: false,
    }),
    false,
  );
}
