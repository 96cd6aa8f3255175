import type { SyncPhase, SyncStep } from '@gitops-portal/plugin-gitops-common';

/** One group of a sync operation: a phase, or one wave of it, with its resources in Argo CD's order. */
export interface SyncStage {
  label: string;
  phase: SyncPhase;
  wave?: number;
  steps: SyncStep[];
  /** `done` when every resource went through, `failed` when one failed, else `running`. */
  state: 'done' | 'running' | 'failed';
}

const PHASES: SyncPhase[] = ['PreSync', 'Sync', 'PostSync', 'SyncFail'];
const FAILED = new Set(['Failed', 'Error', 'SyncFailed']);
const DONE = new Set(['Succeeded', 'Synced', 'Pruned', 'PruneSkipped']);

/** How one resource went: a hook's phase, an applied resource's status, else `Pending`. */
export const stepResult = (step: SyncStep): string =>
  step.hookPhase ?? step.status ?? 'Pending';

function stageState(steps: SyncStep[]): SyncStage['state'] {
  const results = steps.map(stepResult);
  if (results.some(result => FAILED.has(result))) return 'failed';
  return results.every(result => DONE.has(result)) ? 'done' : 'running';
}

/**
 * The operation's resources as the stages Argo CD runs them in: phases in order (PreSync, Sync, PostSync, SyncFail),
 * each split by wave, lowest first; resources of no known wave (hooks Argo CD does not list) form their phase's last
 * stage.
 */
export function syncStages(steps: SyncStep[]): SyncStage[] {
  const stages: SyncStage[] = [];
  for (const phase of PHASES) {
    const inPhase = steps.filter(step => step.syncPhase === phase);
    const waves = [...new Set(inPhase.flatMap(step => step.wave ?? []))].sort(
      (a, b) => a - b,
    );
    for (const wave of waves) {
      const inWave = inPhase.filter(step => step.wave === wave);
      stages.push({
        label: `${phase} · wave ${wave}`,
        phase,
        wave,
        steps: inWave,
        state: stageState(inWave),
      });
    }
    const unknown = inPhase.filter(step => step.wave === undefined);
    if (unknown.length > 0) {
      stages.push({
        label: phase,
        phase,
        steps: unknown,
        state: stageState(unknown),
      });
    }
  }
  return stages;
}
