import { Health } from '../schema';
import { health, pendingDeletionHealth, runHealthCheck } from './health';
import { apiGroupOf, asString, at, isRecord, readConditions } from './raw';

/**
 * Health of Crossplane objects: a TypeScript re-implementation of Argo CD's
 * built-in Lua checks for the wildcard groups `*.crossplane.io` and
 * `*.upbound.io` (argoproj/argo-cd resource_customizations/_.crossplane.io/_ and
 * _.upbound.io/_), which come from the Crossplane docs' Argo CD guide.
 *
 * Claims and composites live in user-defined groups, for which Argo CD has no
 * built-in check; the Crossplane guide tells Argo CD users to configure this
 * same rule for them, so the portal applies the `_.crossplane.io` rule.
 *
 * @public
 */

export const CROSSPLANE_HEALTH_SCRIPTS = {
  'crossplane.io': 'resource_customizations/_.crossplane.io/_/health.lua',
  'upbound.io': 'resource_customizations/_.upbound.io/_/health.lua',
} as const;
/**
 * An API group suffix (`crossplane.io`, `upbound.io`) whose managed resources' health mirrors an Argo CD script.
 *
 * @public
 */
export type CrossplaneHealthScript = keyof typeof CROSSPLANE_HEALTH_SCRIPTS;

/** Kinds that may have no status at all and are then Healthy. */
const HAS_NO_STATUS: Record<CrossplaneHealthScript, ReadonlySet<string>> = {
  'crossplane.io': new Set([
    'Composition',
    'CompositionRevision',
    'DeploymentRuntimeConfig',
    'ClusterProviderConfig',
    'ProviderConfig',
    'ProviderConfigUsage',
    'ControllerConfig',
  ]),
  'upbound.io': new Set([
    'ClusterProviderConfig',
    'ProviderConfig',
    'ProviderConfigUsage',
  ]),
};

/** Condition types whose True means Healthy under the `_.crossplane.io` rule. */
const HEALTHY_TYPES = new Set([
  'Ready',
  'Healthy',
  'Offered',
  'Established',
  'ValidPipeline',
  'RevisionHealthy',
]);

const UP_TO_DATE = 'Resource is up-to-date.';
const PROVISIONING = 'Provisioning ...';

/**
 * Which of Argo CD's two Crossplane rules applies to an apiVersion.
 *
 * @public
 */
export function crossplaneHealthScriptFor(
  apiVersion: string,
): CrossplaneHealthScript {
  return apiGroupOf(apiVersion).endsWith('.upbound.io')
    ? 'upbound.io'
    : 'crossplane.io';
}

function checkCrossplane(script: CrossplaneHealthScript, obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;

  const kind = asString(at(obj, 'kind')) ?? '';
  const status = at(obj, 'status');
  // Lua precedence (`a or b and c`): an object with no status at all is
  // Healthy whatever its kind.
  if (status === undefined || status === null) {
    return health('Healthy', UP_TO_DATE);
  }
  const statusRecord = isRecord(status) ? status : {};
  const conditionList = readConditions(status);
  // Argo CD's current tests: an empty conditions list means the same as none.
  const conditions =
    conditionList && conditionList.length > 0 ? conditionList : undefined;
  const informative = Object.keys(statusRecord).filter(
    key => key !== 'conditions' || conditions !== undefined,
  );
  if (informative.length === 0 && HAS_NO_STATUS[script].has(kind)) {
    return health('Healthy', UP_TO_DATE);
  }
  if (!conditions) {
    const isProviderConfig =
      kind === 'ProviderConfig' || kind === 'ClusterProviderConfig';
    const users = statusRecord.users;
    if (isProviderConfig && users !== undefined && users !== null) {
      return health('Healthy', 'Resource is in use.');
    }
    return health('Progressing', PROVISIONING);
  }

  let result = health('Progressing', PROVISIONING);
  for (const condition of conditions) {
    const isFalse = condition.status === 'False';
    if (condition.type === 'LastAsyncOperation' && isFalse) {
      return health('Degraded', condition.message);
    }
    if (condition.type === 'Synced' && isFalse) {
      return health('Degraded', condition.message);
    }
    if (condition.status !== 'True') continue;
    if (script === 'crossplane.io' && HEALTHY_TYPES.has(condition.type ?? '')) {
      return health('Healthy', UP_TO_DATE);
    }
    // The upbound.io rule notes Ready=True and keeps looking, so a later
    // Synced=False or LastAsyncOperation=False still wins.
    if (script === 'upbound.io' && condition.type === 'Ready') {
      result = health('Healthy', UP_TO_DATE);
    }
  }
  return result;
}

/**
 * Argo CD's health of a Crossplane object. `script` defaults to the rule Argo CD
 * picks by group (`*.upbound.io` or else `*.crossplane.io`).
 *
 * @public
 */
export function crossplaneHealth(
  obj: unknown,
  script: CrossplaneHealthScript = crossplaneHealthScriptFor(
    asString(at(obj, 'apiVersion')) ?? '',
  ),
): Health {
  return runHealthCheck(o => checkCrossplane(script, o), obj);
}

/**
 * Provider-specific readiness of managed resources: a portal rule over Argo CD's, for role `managed`.
 * Providers report readiness in two ways:
 *
 * - classic providers (provider-kubernetes, provider-helm, the older crossplane-contrib ones): Synced
 *   and Ready only;
 * - Upjet-generated providers (the `*.upbound.io` families and their crossplane-contrib forks): Synced
 *   and Ready, plus `LastAsyncOperation` (False when the last create/update/delete call to the
 *   provider's API failed) and `AsyncOperation` (False, reason `Ongoing`, while such a call runs).
 *
 * Argo CD's `_.crossplane.io` rule returns at the first condition it recognises, so [Ready=True,
 * Synced=False] is Healthy there and the same conditions in the other order Degraded; and neither rule
 * sees a running async call. The portal reads every condition, in this order:
 *
 * 1. LastAsyncOperation=False → Degraded, its message;
 * 2. Synced=False → Degraded, its message;
 * 3. AsyncOperation=False → Progressing, its message, else {@link ASYNC_OPERATION_MESSAGE};
 * 4. otherwise Argo CD's rule for the group ({@link crossplaneHealth}).
 *
 * Pending deletion stays first (Argo's block), as in {@link crossplaneHealth}.
 *
 * @public
 */
export const ASYNC_OPERATION_MESSAGE =
  "Waiting for the provider's asynchronous operation to finish";

/**
 * Health of a Crossplane managed resource: its conditions in the order described at `ASYNC_OPERATION_MESSAGE`, then Argo CD's rule.
 *
 * @public
 */
export function crossplaneManagedHealth(obj: unknown): Health {
  const argo = crossplaneHealth(obj);
  if (pendingDeletionHealth(obj) !== undefined || argo.status === 'Unknown') {
    return argo;
  }
  const conditions = readConditions(at(obj, 'status')) ?? [];
  const falseOf = (type: string) =>
    conditions.find(c => c.type === type && c.status === 'False');
  const failed = falseOf('LastAsyncOperation') ?? falseOf('Synced');
  if (failed) return health('Degraded', failed.message);
  const running = falseOf('AsyncOperation');
  if (running) {
    return health('Progressing', running.message || ASYNC_OPERATION_MESSAGE);
  }
  return argo;
}
