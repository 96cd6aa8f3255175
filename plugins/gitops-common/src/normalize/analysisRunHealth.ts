import { Health } from '../schema';
import { conditionsStatus, EngineStatus } from './engineStatus';
import {
  EMPTY_LUA_RESULT_MESSAGE,
  health,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';
import { at } from './raw';

/**
 * Health of Argo Rollouts' AnalysisRun and Experiment: TypeScript re-implementations of Argo CD's
 * built-in checks `resource_customizations/argoproj.io/AnalysisRun/health.lua` and
 * `resource_customizations/argoproj.io/Experiment/health.lua` (argoproj/argo-cd), same status and
 * message for the same object. Both map `status.phase`:
 *
 * | phase        | AnalysisRun                                                      | Experiment                           |
 * | ------------ | ---------------------------------------------------------------- | ------------------------------------ |
 * | Pending      | Progressing `Analysis run is running`                            | Progressing `Experiment is pending`  |
 * | Running      | Progressing `Analysis run is running`                            | Progressing `Experiment is running`  |
 * | Successful   | Healthy, status.message or `Analysis run completed successfully` | Healthy `Experiment is successful`   |
 * | Failed       | Degraded, status.message or `Analysis run failed`                | Degraded `Experiment has failed`     |
 * | Error        | Degraded, status.message or `Analysis run had an error`          | Degraded `Experiment had an error`   |
 * | Inconclusive | Unknown, status.message or `Analysis run was inconclusive`       | (not listed)                         |
 *
 * No status → Progressing `Waiting for <analysis run | experiment> to finish: status has not been reconciled.`
 * A status whose phase the script does not list makes it return an empty table, which
 * Argo CD cannot read as a health status: Unknown, {@link EMPTY_LUA_RESULT_MESSAGE}.
 *
 * @public
 */
export const ANALYSIS_RUN_KINDS = ['AnalysisRun', 'Experiment'] as const;
/**
 * An Argo Rollouts analysis kind: AnalysisRun or Experiment.
 *
 * @public
 */
export type AnalysisRunKind = (typeof ANALYSIS_RUN_KINDS)[number];

type PhaseTable = Record<string, [Health['status'], string]>;

const PHASES: Record<AnalysisRunKind, PhaseTable> = {
  AnalysisRun: {
    Pending: ['Progressing', 'Analysis run is running'],
    Running: ['Progressing', 'Analysis run is running'],
    Successful: ['Healthy', 'Analysis run completed successfully'],
    Failed: ['Degraded', 'Analysis run failed'],
    Error: ['Degraded', 'Analysis run had an error'],
    Inconclusive: ['Unknown', 'Analysis run was inconclusive'],
  },
  Experiment: {
    Pending: ['Progressing', 'Experiment is pending'],
    Running: ['Progressing', 'Experiment is running'],
    Successful: ['Healthy', 'Experiment is successful'],
    Failed: ['Degraded', 'Experiment has failed'],
    Error: ['Degraded', 'Experiment had an error'],
  },
};

/** AnalysisRun outcomes report status.message when the controller wrote one; running phases never. */
const USES_STATUS_MESSAGE = new Set([
  'Successful',
  'Failed',
  'Error',
  'Inconclusive',
]);

function checkAnalysis(kind: AnalysisRunKind, obj: unknown): Health {
  const deleting = pendingDeletionHealth(obj);
  if (deleting) return deleting;
  const status = at(obj, 'status');
  if (status === undefined || status === null) {
    const subject = kind === 'AnalysisRun' ? 'analysis run' : 'experiment';
    return health(
      'Progressing',
      `Waiting for ${subject} to finish: status has not been reconciled.`,
    );
  }
  const phase = at(status, 'phase');
  const entry =
    typeof phase === 'string' &&
    Object.prototype.hasOwnProperty.call(PHASES[kind], phase)
      ? PHASES[kind][phase]
      : undefined;
  if (!entry) return health('Unknown', EMPTY_LUA_RESULT_MESSAGE);
  const [code, fallback] = entry;
  const written = at(status, 'message');
  const message =
    kind === 'AnalysisRun' &&
    USES_STATUS_MESSAGE.has(phase as string) &&
    written !== undefined &&
    written !== null
      ? written
      : fallback;
  return health(code, message);
}

/**
 * Argo CD's health of an AnalysisRun or Experiment.
 *
 * @public
 */
export function analysisRunHealth(kind: AnalysisRunKind, obj: unknown): Health {
  return runHealthCheck(o => checkAnalysis(kind, o), obj);
}

/**
 * Normalises an AnalysisRun or Experiment. Neither owns a sync; a terminated run (`spec.terminate`)
 * ends in a phase of its own, so neither is ever suspended.
 *
 * @public
 */
export function analysisRunStatus(
  kind: AnalysisRunKind,
): (obj: unknown) => EngineStatus {
  return obj => conditionsStatus(obj, analysisRunHealth(kind, obj), false);
}
