import {
  Health,
  ManagedResourceStatus,
  Operation,
  OperationPhase,
  operationPhaseSchema,
  Source,
  SyncedSource,
  SyncStatus,
  syncStatusSchema,
} from '../schema';
import {
  clip,
  compact,
  EngineStatus,
  NORMALIZE_LIMITS,
  toConditions,
} from './engineStatus';
import { argoDriftPolicy } from './driftPolicy';
import { argoSyncSteps } from './argoSyncOperation';
import {
  health,
  INVALID_HEALTH_STATUS_MESSAGE,
  isHealthStatus,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';
import {
  asArray,
  asText,
  asTextList,
  asTimestamp,
  at,
  enumMember,
  isRecord,
  latestTimestamp,
  readConditions,
} from './raw';

/**
 * The Argo CD scripts the Application / ApplicationSet health mirrors.
 *
 * @public
 */
export const ARGO_APPLICATION_HEALTH_SCRIPT =
  'resource_customizations/argoproj.io/Application/health.lua';
/**
 * The Argo CD script the ApplicationSet health mirrors.
 *
 * @public
 */
export const ARGO_APPLICATIONSET_HEALTH_SCRIPT =
  'resource_customizations/argoproj.io/ApplicationSet/health.lua';

const isSyncStatus = enumMember<SyncStatus>(syncStatusSchema);
const isOperationPhase = enumMember<OperationPhase>(operationPhaseSchema);

function toSync(value: unknown): SyncStatus {
  return isSyncStatus(value) ? value : 'Unknown';
}

/**
 * Health of an Application as Argo CD reports it (status.health), with the
 * Application health.lua fallback for an Application not reconciled yet.
 *
 * @public
 */
export function argoApplicationHealth(obj: unknown): Health {
  const reported = at(obj, 'status', 'health', 'status');
  if (reported === undefined || reported === null) {
    return health('Progressing', 'Waiting for application to be reconciled');
  }
  if (!isHealthStatus(reported)) {
    return health('Unknown', INVALID_HEALTH_STATUS_MESSAGE);
  }
  return health(reported, at(obj, 'status', 'health', 'message'));
}

function checkApplicationSet(obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;
  const conditions = readConditions(at(obj, 'status')) ?? [];
  const find = (type: string, status: string) =>
    conditions.find(c => c.type === type && c.status === status);
  // Precedence of the script's four passes over the conditions.
  const error = find('ErrorOccurred', 'True');
  if (error) return health('Degraded', error.message);
  const notUpToDate = find('ResourcesUpToDate', 'False');
  if (notUpToDate) return health('Degraded', notUpToDate.message);
  const rollingOut = find('RolloutProgressing', 'True');
  if (rollingOut) return health('Progressing', rollingOut.message);
  const upToDate = find('ResourcesUpToDate', 'True');
  if (upToDate) return health('Healthy', upToDate.message);
  return health('Progressing', 'Waiting for the status to be reported');
}

/**
 * Argo CD's health of an ApplicationSet (its conditions).
 *
 * @public
 */
export function argoApplicationSetHealth(obj: unknown): Health {
  return runHealthCheck(checkApplicationSet, obj);
}

function toOperation(
  state: unknown,
  statusResources: unknown,
): Operation | undefined {
  const phase = at(state, 'phase');
  if (!isOperationPhase(phase)) return undefined;
  return compact({
    phase,
    message: clip(asText(at(state, 'message'))),
    startedAt: asTimestamp(at(state, 'startedAt')),
    finishedAt: asTimestamp(at(state, 'finishedAt')),
    steps: argoSyncSteps(state, statusResources),
  });
}

function toSource(source: unknown): Source | undefined {
  if (!isRecord(source)) return undefined;
  return compact({
    repoURL: asText(source.repoURL),
    path: asText(source.path),
    targetRevision: asText(source.targetRevision),
    chart: asText(source.chart),
    valueFiles: asTextList(
      at(source, 'helm', 'valueFiles'),
      NORMALIZE_LIMITS.valueFiles,
    ),
  });
}

/** Argo CD accepts any number of sources; a record keeps this many (the rest would only bloat it). */
const MAX_SOURCES = 100;

/**
 * spec.sources[] of a multi-source Application, each with its status.sync.revisions[] entry (same index, as
 * Argo CD writes them); undefined for a single-source one.
 */
function toSyncedSources(
  spec: unknown,
  revisions: unknown[] | undefined,
): SyncedSource[] | undefined {
  const sources = asArray(at(spec, 'sources'));
  if (!sources || sources.length === 0) return undefined;
  const result: SyncedSource[] = [];
  sources.slice(0, MAX_SOURCES).forEach((source, index) => {
    if (!isRecord(source)) return;
    result.push(
      compact({
        ...toSource(source),
        ref: asText(source.ref),
        revision: asText(revisions?.[index]),
      }),
    );
  });
  return result;
}

/** status.resources[] of an Application (or the Applications of an ApplicationSet). */
function toResources(list: unknown): ManagedResourceStatus[] | undefined {
  const entries = asArray(list);
  if (!entries) return undefined;
  const result: ManagedResourceStatus[] = [];
  for (const entry of entries) {
    if (result.length >= NORMALIZE_LIMITS.resources) break;
    if (!isRecord(entry)) continue;
    // Direct reads and one literal (no at() paths, no compact() copy): this runs for every resource
    // of every Application. Absent fields stay undefined (JSON leaves them out).
    const kind = asText(entry.kind);
    const name = asText(entry.name);
    if (!kind || !name) continue;
    const resourceHealth = isRecord(entry.health) ? entry.health : undefined;
    const requiresPruning = entry.requiresPruning;
    result.push({
      group: asText(entry.group) ?? '',
      version: asText(entry.version) ?? '',
      kind,
      namespace: asText(entry.namespace),
      name,
      sync: toSync(entry.status),
      health: isHealthStatus(resourceHealth?.status)
        ? resourceHealth.status
        : undefined,
      message: clip(asText(resourceHealth?.message)),
      requiresPruning:
        typeof requiresPruning === 'boolean' ? requiresPruning : undefined,
    });
  }
  return result;
}

/**
 * Normalises an Argo CD Application. A multi-source one keeps every source with its revision in `sources`;
 * `source` and `revision` are its first, as for records written before `sources` existed.
 *
 * @public
 */
export function argoApplicationStatus(obj: unknown): EngineStatus {
  const status = at(obj, 'status');
  const spec = at(obj, 'spec');
  const revisions = asArray(at(status, 'sync', 'revisions'));
  const sources = toSyncedSources(spec, revisions);
  return compact({
    sync: toSync(at(status, 'sync', 'status')),
    health: argoApplicationHealth(obj),
    operation: toOperation(
      at(status, 'operationState'),
      at(status, 'resources'),
    ),
    revision: asText(at(status, 'sync', 'revision')) ?? asText(revisions?.[0]),
    source: toSource(at(spec, 'source') ?? asArray(at(spec, 'sources'))?.[0]),
    sources,
    resources: toResources(at(status, 'resources')),
    driftPolicy: argoDriftPolicy(spec),
    conditions: toConditions(readConditions(status)),
    lastTransitionTime: latestTimestamp([
      at(status, 'operationState', 'finishedAt'),
      at(status, 'reconciledAt'),
      at(status, 'health', 'lastTransitionTime'),
    ]),
    suspended: false,
  });
}

/**
 * Normalises an Argo CD ApplicationSet: health from its conditions, no sync of its own.
 *
 * @public
 */
export function argoApplicationSetStatus(obj: unknown): EngineStatus {
  const raw = readConditions(at(obj, 'status'));
  return compact({
    sync: 'Unknown' as const,
    health: argoApplicationSetHealth(obj),
    resources: toResources(at(obj, 'status', 'resources')),
    conditions: toConditions(raw),
    lastTransitionTime: latestTimestamp(
      (raw ?? []).map(c => c.lastTransitionTime),
    ),
    suspended: false,
  });
}
