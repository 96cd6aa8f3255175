import { Health } from '../schema';
import {
  health,
  HealthCheckError,
  noHealthCheck,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';
import { apiGroupOf, asString, at, readConditions } from './raw';

/**
 * Health of Flux objects: a TypeScript re-implementation of Argo CD's built-in
 * Lua health checks (argoproj/argo-cd, resource_customizations/), same status
 * and message for the same object.
 *
 * All of them share one shape: pending deletion, then `spec.suspend`, then a
 * count over status.conditions. They differ in which conditions count as
 * success and how many successes make Healthy.
 */

const SCRIPT_ROOT = 'resource_customizations';

/**
 * The Argo CD script each Flux kind mirrors.
 *
 * @public
 */
export const FLUX_HEALTH_SCRIPTS = {
  Kustomization: `${SCRIPT_ROOT}/kustomize.toolkit.fluxcd.io/Kustomization/health.lua`,
  HelmRelease: `${SCRIPT_ROOT}/helm.toolkit.fluxcd.io/HelmRelease/health.lua`,
  GitRepository: `${SCRIPT_ROOT}/source.toolkit.fluxcd.io/GitRepository/health.lua`,
  HelmRepository: `${SCRIPT_ROOT}/source.toolkit.fluxcd.io/HelmRepository/health.lua`,
  OCIRepository: `${SCRIPT_ROOT}/source.toolkit.fluxcd.io/OCIRepository/health.lua`,
  HelmChart: `${SCRIPT_ROOT}/source.toolkit.fluxcd.io/HelmChart/health.lua`,
  Bucket: `${SCRIPT_ROOT}/source.toolkit.fluxcd.io/Bucket/health.lua`,
} as const;
/**
 * A Flux kind whose health mirrors an Argo CD script.
 *
 * @public
 */
export type FluxKind = keyof typeof FLUX_HEALTH_SCRIPTS;

/**
 * The API group of each Flux kind.
 *
 * @public
 */
export const FLUX_GROUPS: Record<FluxKind, string> = {
  Kustomization: 'kustomize.toolkit.fluxcd.io',
  HelmRelease: 'helm.toolkit.fluxcd.io',
  GitRepository: 'source.toolkit.fluxcd.io',
  HelmRepository: 'source.toolkit.fluxcd.io',
  OCIRepository: 'source.toolkit.fluxcd.io',
  HelmChart: 'source.toolkit.fluxcd.io',
  Bucket: 'source.toolkit.fluxcd.io',
};

/**
 * True for a Flux kind whose health mirrors an Argo CD script (a key of `FLUX_HEALTH_SCRIPTS`).
 *
 * @public
 */
export function isFluxKind(kind: string): kind is FluxKind {
  return Object.prototype.hasOwnProperty.call(FLUX_HEALTH_SCRIPTS, kind);
}

const SOURCE_KINDS: ReadonlySet<FluxKind> = new Set<FluxKind>([
  'GitRepository',
  'HelmRepository',
  'OCIRepository',
  'HelmChart',
  'Bucket',
]);

/** Argo CD's OCIRepository script (the version we could read) has no suspend check. */
const checksSuspend = (kind: FluxKind) => kind !== 'OCIRepository';

/** Successes needed for Healthy: Kustomization counts Ready only, the others Ready + one more. */
const successesForHealthy = (kind: FluxKind) =>
  kind === 'Kustomization' ? 1 : 2;

function checkFlux(kind: FluxKind, obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;

  if (checksSuspend(kind)) {
    // These scripts index obj.spec unguarded: no spec is a Lua error.
    const spec = at(obj, 'spec');
    if (spec === undefined || spec === null) {
      throw new HealthCheckError('spec is missing');
    }
    if (at(spec, 'suspend') === true) {
      return health('Suspended', `${kind} is suspended`);
    }
    // OCI Helm repositories keep no status at all.
    if (kind === 'HelmRepository' && at(spec, 'type') === 'oci') {
      return health(
        'Healthy',
        "Helm repositories of type 'oci' do not contain any information in the status.",
      );
    }
  }

  const conditions = readConditions(at(obj, 'status'));
  if (!conditions) return health('Progressing', 'Status unknown');

  let progressing = 0;
  let succeeded = 0;
  // Lua: message starts "" and becomes nil when a Ready condition has no reason.
  let message: string | undefined = '';
  for (const condition of conditions) {
    const isTrue = condition.status === 'True';
    if (condition.type === 'Ready') {
      if (isTrue) succeeded += 1;
      else if (condition.status === 'Unknown') progressing += 1;
      message = condition.reason;
    } else if (condition.type === 'Reconciling' && isTrue) {
      progressing += 1;
    } else if (
      kind === 'HelmRelease' &&
      (condition.type === 'Released' || condition.type === 'TestSuccess')
    ) {
      if (isTrue) succeeded += 1;
    } else if (
      SOURCE_KINDS.has(kind) &&
      condition.type === 'ArtifactOutdated' &&
      isTrue
    ) {
      if (message === undefined || condition.reason === undefined) {
        throw new HealthCheckError('attempt to concatenate a nil value');
      }
      message = `${message} ${condition.reason}`;
    } else if (
      SOURCE_KINDS.has(kind) &&
      condition.type === 'ArtifactInStorage' &&
      isTrue
    ) {
      succeeded += 1;
    }
  }
  // Exact comparisons, as in the scripts.
  if (progressing === 2) return health('Progressing', message);
  if (succeeded === successesForHealthy(kind)) {
    return health('Healthy', message);
  }
  return health('Degraded', message);
}

/**
 * Argo CD's health of a Flux object (Kustomization, HelmRelease, GitRepository,
 * HelmRepository, OCIRepository, HelmChart, Bucket). Other Flux kinds have no
 * Argo CD health check and are Unknown.
 *
 * @public
 */
export function fluxHealth(obj: unknown): Health {
  const kind = asString(at(obj, 'kind')) ?? '';
  if (!isFluxKind(kind)) {
    return noHealthCheck(
      apiGroupOf(asString(at(obj, 'apiVersion')) ?? ''),
      kind,
    );
  }
  return runHealthCheck(o => checkFlux(kind, o), obj);
}
