import { Health } from '../schema';
import { conditionRulesHealth } from './conditionRules';
import { conditionsStatus, EngineStatus } from './engineStatus';
import { health, pendingDeletionHealth, runHealthCheck } from './health';
import { at, readConditions } from './raw';

/**
 * Health of cert-manager's Certificate, Issuer and ClusterIssuer: TypeScript re-implementations of
 * Argo CD's built-in checks `resource_customizations/cert-manager.io/<Kind>/health.lua`
 * (argoproj/argo-cd), same status and message for the same object.
 *
 * - Certificate: any Issuing=True → Progressing (its message), checked before Ready; then the first
 *   Ready condition decides: False → Degraded (its message), unless the message mentions "Issuing"
 *   (cert-manager sets Ready=False before it adds Issuing) → Progressing; True → Healthy (its message).
 *   No decision → Progressing `Waiting for certificate`.
 * - Issuer / ClusterIssuer: the first Ready condition decides, False → Degraded, True → Healthy (its
 *   message); else Progressing `Initializing issuer` / `Initializing ClusterIssuer`.
 *
 * cert-manager has no suspend field; the portal's decision table ({@link conditionRulesHealth}) comes
 * on top.
 *
 * @public
 */
export const CERT_MANAGER_GROUP = 'cert-manager.io';
/**
 * The cert-manager kinds whose health the portal computes.
 *
 * @public
 */
export const CERT_MANAGER_KINDS = [
  'Certificate',
  'Issuer',
  'ClusterIssuer',
] as const;
/**
 * A cert-manager kind whose health the portal computes.
 *
 * @public
 */
export type CertManagerKind = (typeof CERT_MANAGER_KINDS)[number];

const WAITING: Record<CertManagerKind, string> = {
  Certificate: 'Waiting for certificate',
  Issuer: 'Initializing issuer',
  ClusterIssuer: 'Initializing ClusterIssuer',
};

function checkCertManager(kind: CertManagerKind, obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;
  const conditions = readConditions(at(obj, 'status')) ?? [];
  if (kind === 'Certificate') {
    const issuing = conditions.find(
      c => c.type === 'Issuing' && c.status === 'True',
    );
    if (issuing) return health('Progressing', issuing.message);
  }
  for (const condition of conditions) {
    if (condition.type !== 'Ready') continue;
    if (condition.status === 'False') {
      const message = condition.message;
      if (kind === 'Certificate' && message?.includes('Issuing')) {
        return health('Progressing', message);
      }
      return health('Degraded', message);
    }
    if (condition.status === 'True') {
      return health('Healthy', condition.message);
    }
  }
  return health('Progressing', WAITING[kind]);
}

/**
 * Argo CD's health of a cert-manager Certificate, Issuer or ClusterIssuer.
 *
 * @public
 */
export function certManagerHealth(kind: CertManagerKind, obj: unknown): Health {
  return runHealthCheck(o => checkCertManager(kind, o), obj);
}

/**
 * Normalises a cert-manager object: Argo CD's check, settled by the decision table.
 *
 * @public
 */
export function certManagerStatus(
  kind: CertManagerKind,
): (obj: unknown) => EngineStatus {
  return obj =>
    conditionsStatus(
      obj,
      conditionRulesHealth(obj, {
        kindHealth: certManagerHealth(kind, obj),
        suspended: false,
      }),
      false,
    );
}
