import { Health } from '../schema';
import { BLOCKED_MESSAGE, DELETING } from '../__fixtures__/objects';
import { rollout } from '../__fixtures__/rollout';
import { rolloutHealth, WORKLOAD_GENERATION_ANNOTATION } from './rolloutHealth';

type Case = [string, Record<string, unknown>, Health?];

const SPEC_NOT_OBSERVED: Health = {
  status: 'Progressing',
  message: 'Waiting for rollout spec update to be observed',
};

describe('rolloutHealth mirrors argoproj.io/Rollout/health.lua: deletion, generations, v1.0 phase', () => {
  it.each<Case>([
    [
      'deleting',
      rollout(undefined, {}, DELETING),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    ['no status yet', rollout(undefined), SPEC_NOT_OBSERVED],
    [
      'observedGeneration behind generation',
      rollout({ observedGeneration: '1', phase: 'Healthy' }),
      SPEC_NOT_OBSERVED,
    ],
    [
      'numeric observedGeneration behind',
      rollout({ observedGeneration: 1, phase: 'Healthy' }),
      SPEC_NOT_OBSERVED,
    ],
    [
      'v0.9 hash in observedGeneration is not compared',
      rollout({ observedGeneration: '7d66d4485f' }),
    ],
    [
      'observedGeneration ahead (an all-digit v0.9 hash)',
      rollout({ observedGeneration: '12345' }),
    ],
    [
      'workload generation not observed',
      rollout(
        { phase: 'Healthy', workloadObservedGeneration: '4' },
        { workloadRef: { kind: 'Deployment', name: 'web' } },
        { annotations: { [WORKLOAD_GENERATION_ANNOTATION]: '5' } },
      ),
      SPEC_NOT_OBSERVED,
    ],
    [
      'workload generation observed',
      rollout(
        { phase: 'Healthy', workloadObservedGeneration: '5' },
        { workloadRef: { kind: 'Deployment', name: 'web' } },
        { annotations: { [WORKLOAD_GENERATION_ANNOTATION]: '5' } },
      ),
      { status: 'Healthy' },
    ],
    [
      'workloadRef without annotations',
      rollout({ phase: 'Healthy' }, { workloadRef: { name: 'web' } }),
      { status: 'Healthy' },
    ],
    [
      'v1.0 phase Healthy',
      rollout({ phase: 'Healthy', message: '' }),
      { status: 'Healthy' },
    ],
    [
      'v1.0 phase Paused is Suspended',
      rollout({ phase: 'Paused', message: 'CanaryPauseStep' }),
      { status: 'Suspended', message: 'CanaryPauseStep' },
    ],
    [
      'v1.0 phase Progressing',
      rollout({
        phase: 'Progressing',
        message: 'more replicas need to be updated',
      }),
      { status: 'Progressing', message: 'more replicas need to be updated' },
    ],
    [
      'v1.0 aborted canary',
      rollout({
        phase: 'Degraded',
        message: 'RolloutAborted: Rollout aborted update to revision 4',
        abort: true,
      }),
      {
        status: 'Degraded',
        message: 'RolloutAborted: Rollout aborted update to revision 4',
      },
    ],
    [
      'v1.0 phase that is no health code',
      rollout({ phase: 'Exploded' }),
      { status: 'Unknown', message: 'Lua returned an invalid health status' },
    ],
  ])('%s', (_name, obj, expected = { status: 'Healthy' }) => {
    expect(rolloutHealth(obj)).toEqual(expected);
  });
});
