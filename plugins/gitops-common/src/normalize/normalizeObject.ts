import { Engine, ObjectStatus } from '../schema';
import { crossplaneStatus, XRD_GROUP, XRD_KIND } from './crossplaneStatus';
import { clip, EngineStatus } from './engineStatus';
import { objectEnvironment } from './entityMapping';
import { FLAGGER_GROUP } from './flaggerHealth';
import { health, noHealthCheck } from './health';
import { watchedKind } from './kindRegistry';
import { previewOf } from './preview';
import { apiGroupOf, asText, at, errorMessage, isRecord } from './raw';
import { SEALED_SECRETS_GROUP } from './sealedSecretHealth';

/**
 * Options of the normalisers: the cluster an object was read from and its environment.
 *
 * @public
 */
export interface NormalizeOptions {
  /** The configured cluster the object was read from. */
  cluster: string;
  /** The cluster's configured environment, used when the object names none. */
  environment?: string;
  /**
   * Claims and composites live in user-defined API groups, so only the caller
   * (which read the XRDs) knows them; managed resources outside `*.crossplane.io`
   * and `*.upbound.io` need it too.
   */
  crossplaneRole?: 'claim' | 'composite' | 'managed';
  /** Clock for observedAt; defaults to now. */
  now?: Date;
}

/**
 * The stable id of an object: `cluster/apiGroup/kind/namespace/name` ('' for core group / cluster scope).
 *
 * @public
 */
export function objectKey(parts: {
  cluster: string;
  apiGroup: string;
  kind: string;
  namespace?: string;
  name: string;
}): string {
  return [
    parts.cluster,
    parts.apiGroup,
    parts.kind,
    parts.namespace ?? '',
    parts.name,
  ].join('/');
}

interface Route {
  engine: Engine;
  normalize: (obj: unknown) => EngineStatus;
}

/** Which engine owns an object and which normaliser reads it; undefined when none does. */
function route(
  apiVersion: string,
  kind: string,
  options: NormalizeOptions,
): Route | undefined {
  const group = apiGroupOf(apiVersion);
  const registered = watchedKind(group, kind);
  if (registered) return registered;
  const role =
    options.crossplaneRole ??
    (group === XRD_GROUP && kind === XRD_KIND ? 'xrd' : undefined) ??
    (group.endsWith('.crossplane.io') || group.endsWith('.upbound.io')
      ? 'managed'
      : undefined);
  if (role)
    return {
      engine: 'crossplane',
      normalize: obj => crossplaneStatus(obj, role),
    };
  return undefined;
}

/**
 * For kinds no normaliser reads: the engine the group most likely belongs to. Kubernetes' own groups
 * have no dot (`apps`, `batch`) or end in `.k8s.io`; other unknown groups are most likely Crossplane
 * XRs read without their role.
 */
function guessEngine(group: string): Engine {
  if (group.endsWith('fluxcd.io')) return 'flux';
  if (group === 'argoproj.io') return 'argocd';
  if (group === FLAGGER_GROUP) return 'flagger';
  if (group.endsWith('cert-manager.io')) return 'cert-manager';
  if (group.endsWith('external-secrets.io')) return 'external-secrets';
  if (group === SEALED_SECRETS_GROUP) return 'sealed-secrets';
  if (group.endsWith('cluster.x-k8s.io')) return 'cluster-api';
  if (!group.includes('.') || group.endsWith('.k8s.io')) return 'kubernetes';
  return 'crossplane';
}

/** What is wrong with an object's shape, if anything. */
function malformation(obj: unknown): string | undefined {
  if (!isRecord(obj)) return 'Object is not a JSON object';
  if (!asText(obj.apiVersion)) return 'Object has no apiVersion';
  if (!asText(obj.kind)) return 'Object has no kind';
  if (!isRecord(obj.metadata)) return 'Object has no metadata';
  if (!asText(obj.metadata.name)) return 'Object has no metadata.name';
  for (const field of ['spec', 'status']) {
    const value = obj[field];
    if (value !== undefined && value !== null && !isRecord(value)) {
      return `${field} is not an object`;
    }
  }
  return undefined;
}

/** The observation time; an invalid clock falls back to now rather than throwing. */
function observedAt(now: Date | undefined): string {
  const time = now && !Number.isNaN(now.getTime()) ? now : new Date();
  return time.toISOString();
}

/**
 * Turns one raw Kubernetes object (plain JSON from a list or watch) into the
 * portal's status record. Never throws: malformed input gives a record with
 * Unknown health and a message saying what is wrong.
 *
 * @public
 */
export function normalizeObject(
  obj: unknown,
  options: NormalizeOptions,
): ObjectStatus {
  const apiVersion = asText(at(obj, 'apiVersion')) ?? '';
  const kind = asText(at(obj, 'kind')) ?? '';
  const group = apiGroupOf(apiVersion);
  const name = asText(at(obj, 'metadata', 'name')) ?? '';
  const namespace = asText(at(obj, 'metadata', 'namespace'));
  const uid = asText(at(obj, 'metadata', 'uid'));
  const matched = route(apiVersion, kind, options);
  const base = {
    key: objectKey({
      cluster: options.cluster,
      apiGroup: group,
      kind,
      namespace,
      name,
    }),
    engine: matched?.engine ?? guessEngine(group),
    apiVersion,
    kind,
    cluster: options.cluster,
    ...(namespace ? { namespace } : {}),
    name,
    ...(uid ? { uid } : {}),
    ...(() => {
      const environment = objectEnvironment(obj, options.environment);
      return environment ? { environment } : {};
    })(),
    ...(() => {
      const preview = previewOf(obj);
      return preview ? { preview } : {};
    })(),
    entityRefs: [],
    observedAt: observedAt(options.now),
  };
  const unknownRecord = (message: string): ObjectStatus => ({
    ...base,
    sync: 'Unknown',
    health: health('Unknown', clip(message)),
    conditions: [],
    suspended: false,
  });

  const problem = malformation(obj);
  if (problem) return unknownRecord(problem);
  if (!matched) return unknownRecord(noHealthCheck(group, kind).message ?? '');

  let engineStatus: EngineStatus;
  try {
    engineStatus = matched.normalize(obj);
  } catch (error) {
    return unknownRecord(`Could not normalise object: ${errorMessage(error)}`);
  }
  // No schema parse here: it was a third of everything a cold start allocates. Every field is read
  // through the typed readers of raw.ts, and the tests hold each normaliser's output (well-formed and
  // malformed input) to objectStatusSchema.
  return {
    ...base,
    ...engineStatus,
    health: health(
      engineStatus.health.status,
      clip(engineStatus.health.message),
    ),
  };
}
