import { Health } from '../schema';
import { CROSSPLANE_PAUSED_ANNOTATION } from './crossplaneStatus';
import { conditionsStatus, EngineStatus } from './engineStatus';
import { staleGenerationHealth } from './generation';
import {
  health,
  HealthCheckError,
  isPendingDeletion,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';
import { at, readConditions, stringMap } from './raw';

/**
 * Health of Crossplane's package kinds (pkg.crossplane.io): TypeScript re-implementations of Argo CD's
 * built-in checks `resource_customizations/pkg.crossplane.io/<Kind>/health.lua` (argoproj/argo-cd),
 * which take precedence over the `_.crossplane.io` wildcard rule for this group.
 *
 * - Provider, Configuration, Function: Installed=True and Healthy=True → Healthy, else Degraded; the
 *   message is `<Installed reason> <Healthy reason>`. The script concatenates both reasons unguarded,
 *   so a missing Installed or Healthy condition (or reason) is a Lua error: Unknown.
 * - ProviderRevision, ConfigurationRevision, FunctionRevision: Healthy=True → Healthy, else Degraded;
 *   the message is the Healthy reason.
 * - No status or no conditions: Progressing `Waiting for provider to be installed` (Provider) or
 *   `Waiting for <Kind>` (the others).
 *
 * @public
 */
export const CROSSPLANE_PKG_GROUP = 'pkg.crossplane.io';
/**
 * Crossplane's package kinds.
 *
 * @public
 */
export const CROSSPLANE_PACKAGE_KINDS = [
  'Provider',
  'Configuration',
  'Function',
] as const;
/**
 * Crossplane's package revision kinds.
 *
 * @public
 */
export const CROSSPLANE_REVISION_KINDS = [
  'ProviderRevision',
  'ConfigurationRevision',
  'FunctionRevision',
] as const;
/**
 * A Crossplane package or package revision kind.
 *
 * @public
 */
export type CrossplanePackageKind =
  | (typeof CROSSPLANE_PACKAGE_KINDS)[number]
  | (typeof CROSSPLANE_REVISION_KINDS)[number];

const isRevision = (kind: CrossplanePackageKind) =>
  (CROSSPLANE_REVISION_KINDS as readonly string[]).includes(kind);

function waitingMessage(kind: CrossplanePackageKind): string {
  return kind === 'Provider'
    ? 'Waiting for provider to be installed'
    : `Waiting for ${kind}`;
}

/** Lua's `..` on a reason: nil raises. */
function reasonText(reason: string | undefined, type: string): string {
  if (reason === undefined) {
    throw new HealthCheckError(
      `attempt to concatenate a nil value (${type} reason)`,
    );
  }
  return reason;
}

function checkPackage(kind: CrossplanePackageKind, obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;
  const conditions = readConditions(at(obj, 'status'));
  if (!conditions) return health('Progressing', waitingMessage(kind));

  let installed = false;
  let healthy = false;
  let installedReason: string | undefined;
  let healthyReason: string | undefined;
  for (const condition of conditions) {
    if (condition.type === 'Installed') {
      installed = condition.status === 'True';
      installedReason = condition.reason;
    } else if (condition.type === 'Healthy') {
      healthy = condition.status === 'True';
      healthyReason = condition.reason;
    }
  }
  if (isRevision(kind)) {
    return health(healthy ? 'Healthy' : 'Degraded', healthyReason);
  }
  const message = `${reasonText(installedReason, 'Installed')} ${reasonText(
    healthyReason,
    'Healthy',
  )}`;
  return health(installed && healthy ? 'Healthy' : 'Degraded', message);
}

/**
 * Argo CD's health of a Crossplane package or package revision.
 *
 * @public
 */
export function crossplanePackageHealth(
  kind: CrossplanePackageKind,
  obj: unknown,
): Health {
  return runHealthCheck(o => checkPackage(kind, o), obj);
}

/**
 * Normalises a package or revision: Argo CD's check after pending deletion and the portal's
 * stale-generation rule (as for every Crossplane object); paused by `crossplane.io/paused: "true"`.
 *
 * @public
 */
export function crossplanePackageStatus(
  kind: CrossplanePackageKind,
): (obj: unknown) => EngineStatus {
  return obj => {
    const argo = crossplanePackageHealth(kind, obj);
    const objectHealth = isPendingDeletion(obj)
      ? argo
      : staleGenerationHealth(obj) ?? argo;
    const paused =
      stringMap(at(obj, 'metadata', 'annotations'))[
        CROSSPLANE_PAUSED_ANNOTATION
      ] === 'true';
    return conditionsStatus(obj, objectHealth, paused);
  };
}
