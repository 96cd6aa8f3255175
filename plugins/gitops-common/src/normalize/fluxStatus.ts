import { Health, Source, SyncStatus } from '../schema';
import {
  compact,
  EngineStatus,
  NORMALIZE_LIMITS,
  objectRefOf,
  toConditions,
} from './engineStatus';
import { conditionRulesHealth, readyConditionHealth } from './conditionRules';
import { fluxDriftPolicy } from './driftPolicy';
import { fluxDependsOn } from './fluxDependsOn';
import {
  artifactGeneratorOf,
  externalArtifactSource,
} from './fluxArtifactGenerator';
import { FluxKind, fluxHealth, isFluxKind } from './fluxHealth';
import { fluxImageHealth, isFluxImageKind } from './fluxImageHealth';
import {
  fluxNotificationHealth,
  isFluxNotificationKind,
} from './fluxNotificationHealth';
import { pendingDeletionHealth, runHealthCheck } from './health';
import {
  asArray,
  asText,
  asTextList,
  at,
  isRecord,
  latestTimestamp,
  readConditions,
} from './raw';

/**
 * The SHA (or digest / version) in a Flux revision string:
 * `main@sha1:<sha>` and `sha1:<sha>` give the SHA, `v1@sha256:<d>` the digest
 * `sha256:<d>`, the legacy `main/<sha>` the SHA; anything else stays as it is.
 *
 * @public
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

/**
 * The revision a Flux object deployed (appliers) or fetched (sources), raw.
 *
 * @public
 */
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
 *
 * @public
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

function firstText(record: unknown, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = asText(at(record, key));
    if (value) return value;
  }
  return undefined;
}

/**
 * Where a Flux object's desired state comes from.
 *
 * @public
 */
export function fluxSource(kind: FluxKind, spec: unknown): Source | undefined {
  if (!isRecord(spec)) return undefined;
  switch (kind) {
    case 'Kustomization':
      return compact({
        path: asText(spec.path),
        sourceRef: objectRefOf(spec.sourceRef),
      });
    case 'HelmRelease': {
      const chart = at(spec, 'chart', 'spec');
      return compact({
        chart: asText(at(chart, 'chart')),
        targetRevision: asText(at(chart, 'version')),
        // valuesFile: the single-file field of HelmRelease v2beta1, deprecated by valuesFiles.
        valueFiles: asTextList(
          at(chart, 'valuesFiles') ?? [at(chart, 'valuesFile')],
          NORMALIZE_LIMITS.valueFiles,
        ),
        sourceRef:
          objectRefOf(at(chart, 'sourceRef')) ?? objectRefOf(spec.chartRef),
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
        sourceRef: objectRefOf(spec.sourceRef),
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
 * The API group of Flux's source controller kinds.
 *
 * @public
 */
export const FLUX_SOURCE_GROUP = 'source.toolkit.fluxcd.io';

/**
 * Flux's ExternalArtifact (source.toolkit.fluxcd.io/v1, written by third-party source controllers):
 * Argo CD has no check, so the Flux API docs' conditions decide (the Ready rule), after the deletion
 * block every Flux check opens with.
 *
 * @public
 */
export function externalArtifactHealth(obj: unknown): Health {
  return runHealthCheck(
    o => pendingDeletionHealth(o) ?? readyConditionHealth(o),
    obj,
  );
}

/** The kind's own rule: Argo CD's check where it has one. */
function fluxKindHealth(obj: unknown): Health {
  const kind = asText(at(obj, 'kind')) ?? '';
  if (isFluxImageKind(kind)) return fluxImageHealth(kind, obj);
  if (isFluxNotificationKind(kind)) return fluxNotificationHealth(kind, obj);
  // ArtifactGenerator (source-watcher): no Argo CD check either, the same Ready rule.
  if (kind === 'ExternalArtifact' || kind === 'ArtifactGenerator') {
    return externalArtifactHealth(obj);
  }
  return fluxHealth(obj);
}

/**
 * The portal's Flux health: the kind's rule (Argo CD's, see {@link fluxHealth}, {@link fluxImageHealth},
 * {@link fluxNotificationHealth}) settled by the decision table for conditions that disagree
 * ({@link decideConditions}): pending deletion, every suspended Flux object is Suspended (Argo's
 * OCIRepository and ImagePolicy scripts lack this), a controller behind the spec is Progressing, then
 * Stalled, Ready=Unknown and missing conditions.
 *
 * @public
 */
export function fluxObjectHealth(obj: unknown): Health {
  return conditionRulesHealth(obj, {
    kindHealth: fluxKindHealth(obj),
    suspended: at(obj, 'spec', 'suspend') === true,
  });
}

/** Where a Flux object's desired state comes from, for the kinds outside Argo CD's Flux checks too. */
function fluxObjectSource(kind: unknown, spec: unknown): Source | undefined {
  if (kind === 'ExternalArtifact') return externalArtifactSource(spec);
  return typeof kind === 'string' && isFluxKind(kind)
    ? fluxSource(kind, spec)
    : undefined;
}

/**
 * Normalises a Flux object.
 *
 * @public
 */
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
    source: fluxObjectSource(kind, at(obj, 'spec')),
    generator:
      kind === 'ArtifactGenerator'
        ? artifactGeneratorOf(at(obj, 'spec'))
        : undefined,
    driftPolicy: fluxDriftPolicy(kind, at(obj, 'spec')),
    dependsOn: fluxDependsOn(obj),
    conditions: toConditions(raw),
    lastTransitionTime: latestTimestamp(
      (raw ?? []).map(c => c.lastTransitionTime),
    ),
    suspended: at(obj, 'spec', 'suspend') === true,
  });
}
