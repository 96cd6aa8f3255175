import { Health, ObjectRef, Source, SyncStatus } from '../schema';
import { compact, EngineStatus, toConditions } from './engineStatus';
import { FluxKind, fluxHealth, isFluxKind } from './fluxHealth';
import { staleGenerationHealth } from './generation';
import { health, isPendingDeletion } from './health';
import {
  asArray,
  asText,
  at,
  isRecord,
  latestTimestamp,
  readConditions,
} from './raw';

/**
 * The SHA (or digest / version) in a Flux revision string:
 * `main@sha1:<sha>` and `sha1:<sha>` give the SHA, `v1@sha256:<d>` the digest
 * `sha256:<d>`, the legacy `main/<sha>` the SHA; anything else stays as it is.
 */
export function parseFluxRevision(raw: string): string {
  const atSign = raw.lastIndexOf('@');
  const tail = atSign >= 0 ? raw.slice(atSign + 1) : raw;
  if (tail.startsWith('sha1:')) return tail.slice('sha1:'.length);
  if (atSign >= 0 && tail.length > 0) return tail;
  const legacy = /^.+\/([0-9a-f]{40})$/.exec(raw);
  return legacy ? legacy[1] : raw;
}

/** What a Kustomization / HelmRelease last applied (HelmRelease v2 keeps it in history). */
function lastApplied(obj: unknown): string | undefined {
  return (
    asText(at(obj, 'status', 'lastAppliedRevision')) ??
    asText(at(asArray(at(obj, 'status', 'history'))?.[0], 'chartVersion'))
  );
}

/** The revision a Flux object deployed (appliers) or fetched (sources), raw. */
export function fluxRevisionRaw(obj: unknown): string | undefined {
  return (
    lastApplied(obj) ??
    asText(at(obj, 'status', 'artifact', 'revision')) ??
    asText(at(obj, 'status', 'lastAttemptedRevision'))
  );
}

/**
 * Sync of a Kustomization / HelmRelease: Synced when Ready=True and the last
 * applied revision is the last attempted one, OutOfSync when they differ,
 * else Unknown. Sources do not apply anything: Unknown.
 */
export function fluxSync(obj: unknown): SyncStatus {
  const kind = at(obj, 'kind');
  if (kind !== 'Kustomization' && kind !== 'HelmRelease') return 'Unknown';
  const applied = lastApplied(obj);
  const attempted = asText(at(obj, 'status', 'lastAttemptedRevision'));
  if (applied === undefined || attempted === undefined) return 'Unknown';
  if (applied !== attempted) return 'OutOfSync';
  const ready = (readConditions(at(obj, 'status')) ?? []).find(
    c => c.type === 'Ready',
  );
  return ready?.status === 'True' ? 'Synced' : 'Unknown';
}

function toRef(value: unknown): ObjectRef | undefined {
  const name = asText(at(value, 'name'));
  if (!name) return undefined;
  return compact({
    apiVersion: asText(at(value, 'apiVersion')),
    kind: asText(at(value, 'kind')),
    name,
    namespace: asText(at(value, 'namespace')),
  });
}

function firstText(record: unknown, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = asText(at(record, key));
    if (value) return value;
  }
  return undefined;
}

/** Where a Flux object's desired state comes from. */
export function fluxSource(kind: FluxKind, spec: unknown): Source | undefined {
  if (!isRecord(spec)) return undefined;
  switch (kind) {
    case 'Kustomization':
      return compact({
        path: asText(spec.path),
        sourceRef: toRef(spec.sourceRef),
      });
    case 'HelmRelease': {
      const chart = at(spec, 'chart', 'spec');
      return compact({
        chart: asText(at(chart, 'chart')),
        targetRevision: asText(at(chart, 'version')),
        sourceRef: toRef(at(chart, 'sourceRef')) ?? toRef(spec.chartRef),
      });
    }
    case 'GitRepository':
      return compact({
        repoURL: asText(spec.url),
        targetRevision: firstText(spec.ref, [
          'commit',
          'name',
          'tag',
          'semver',
          'branch',
        ]),
      });
    case 'OCIRepository':
      return compact({
        repoURL: asText(spec.url),
        targetRevision: firstText(spec.ref, ['digest', 'tag', 'semver']),
      });
    case 'HelmChart':
      return compact({
        chart: asText(spec.chart),
        targetRevision: asText(spec.version),
        sourceRef: toRef(spec.sourceRef),
      });
    case 'Bucket':
      return compact({
        repoURL: asText(spec.endpoint),
        path: asText(spec.bucketName),
      });
    case 'HelmRepository':
    default:
      return compact({ repoURL: asText(spec.url) });
  }
}

/**
 * The portal's Flux health: Argo CD's rule ({@link fluxHealth}) with the two
 * product rules on top, in this order: pending deletion (Argo's own), every
 * suspended Flux object is Suspended (Argo's OCIRepository script lacks this),
 * a controller behind the spec is Progressing, then Argo's condition rule.
 */
export function fluxObjectHealth(obj: unknown): Health {
  const argo = fluxHealth(obj);
  if (isPendingDeletion(obj) || argo.status === 'Suspended') return argo;
  const kind = at(obj, 'kind');
  if (
    typeof kind === 'string' &&
    isFluxKind(kind) &&
    at(obj, 'spec', 'suspend') === true
  ) {
    return health('Suspended', `${kind} is suspended`);
  }
  return staleGenerationHealth(obj) ?? argo;
}

/** Normalises a Flux object. */
export function fluxStatus(obj: unknown): EngineStatus {
  const kind = at(obj, 'kind');
  const raw = readConditions(at(obj, 'status'));
  const revisionRaw = fluxRevisionRaw(obj);
  return compact({
    sync: fluxSync(obj),
    health: fluxObjectHealth(obj),
    revision:
      revisionRaw === undefined ? undefined : parseFluxRevision(revisionRaw),
    revisionRaw,
    source:
      typeof kind === 'string' && isFluxKind(kind)
        ? fluxSource(kind, at(obj, 'spec'))
        : undefined,
    conditions: toConditions(raw),
    lastTransitionTime: latestTimestamp(
      (raw ?? []).map(c => c.lastTransitionTime),
    ),
    suspended: at(obj, 'spec', 'suspend') === true,
  });
}
