import {
  OperationPhase,
  operationPhaseSchema,
  SyncPhase,
  syncPhaseSchema,
  SyncStep,
} from '../schema';
import { clip, NORMALIZE_LIMITS } from './engineStatus';
import { asArray, asText, at, enumMember, isRecord } from './raw';

const isSyncPhase = enumMember<SyncPhase>(syncPhaseSchema);
const isOperationPhase = enumMember<OperationPhase>(operationPhaseSchema);

const refKey = (entry: Record<string, unknown>) =>
  [entry.group ?? '', entry.kind, entry.namespace ?? '', entry.name].join('/');

/**
 * The waves Argo CD records in `status.resources[].syncWave`, by group/kind/namespace/name. The field is
 * `omitempty`, so a listed resource without it is in wave 0; a resource Argo CD does not list (most hooks) has no
 * known wave.
 */
function wavesOf(statusResources: unknown): Map<string, number> {
  const waves = new Map<string, number>();
  for (const entry of asArray(statusResources) ?? []) {
    if (!isRecord(entry)) continue;
    const wave = entry.syncWave;
    waves.set(
      refKey(entry),
      typeof wave === 'number' && Number.isInteger(wave) ? wave : 0,
    );
  }
  return waves;
}

/**
 * The resources of an Argo CD sync operation (`operationState.syncResult.resources[]`) with their phase and wave.
 * Kept only for an operation that has not succeeded (running, terminating or failed): the entity shows its
 * progress or what failed, and the common case — a finished, successful sync — adds nothing to the record.
 */
export function argoSyncSteps(
  operationState: unknown,
  statusResources: unknown,
): SyncStep[] | undefined {
  if (at(operationState, 'phase') === 'Succeeded') return undefined;
  const entries = asArray(at(operationState, 'syncResult', 'resources'));
  if (!entries || entries.length === 0) return undefined;
  const waves = wavesOf(statusResources);
  const steps: SyncStep[] = [];
  for (const entry of entries) {
    if (steps.length >= NORMALIZE_LIMITS.resources) break;
    if (!isRecord(entry)) continue;
    const kind = asText(entry.kind);
    const name = asText(entry.name);
    if (!kind || !name) continue;
    const step: SyncStep = {
      group: asText(entry.group) ?? '',
      kind,
      name,
      // Argo CD leaves syncPhase empty for resources applied in the main phase.
      syncPhase: isSyncPhase(entry.syncPhase) ? entry.syncPhase : 'Sync',
    };
    const namespace = asText(entry.namespace);
    if (namespace) step.namespace = namespace;
    const wave = waves.get(refKey(entry));
    if (wave !== undefined) step.wave = wave;
    const hookType = asText(entry.hookType);
    if (hookType) step.hookType = hookType;
    if (isOperationPhase(entry.hookPhase)) step.hookPhase = entry.hookPhase;
    const status = asText(entry.status);
    if (status) step.status = status;
    const message = clip(asText(entry.message));
    if (message) step.message = message;
    steps.push(step);
  }
  return steps.length > 0 ? steps : undefined;
}
