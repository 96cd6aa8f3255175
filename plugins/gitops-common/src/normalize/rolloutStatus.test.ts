import { k8s } from '../__fixtures__/objects';
import {
  rolloutCanaryWeight,
  rolloutInfo,
  rolloutStatus,
} from './rolloutStatus';

const steps = [
  { setWeight: 20 },
  { pause: {} },
  { setWeight: 50 },
  { pause: { duration: '5m' } },
];

const rollout = (
  status: Record<string, unknown>,
  spec: Record<string, unknown> = { strategy: { canary: { steps } } },
) =>
  k8s('argoproj.io/v1alpha1', 'Rollout', {
    metadata: { generation: 1 },
    spec,
    status: { observedGeneration: '1', ...status },
  });

describe('rolloutCanaryWeight', () => {
  it.each([
    ['at the first setWeight', { currentStepIndex: 0 }, 20],
    ['paused after 20%', { currentStepIndex: 1 }, 20],
    ['at the second setWeight', { currentStepIndex: 2 }, 50],
    ['all steps done', { currentStepIndex: 4 }, 100],
    ['aborted', { currentStepIndex: 2, abort: true }, 0],
    [
      'traffic router weight wins',
      { currentStepIndex: 2, canary: { weights: { canary: { weight: 37 } } } },
      37,
    ],
    ['no step index', {}, undefined],
  ])('%s', (_name, status, expected) => {
    expect(rolloutCanaryWeight(rollout(status))).toBe(expected);
  });

  it('is 0 before any setWeight step', () => {
    expect(
      rolloutCanaryWeight(
        rollout(
          { currentStepIndex: 0 },
          {
            strategy: { canary: { steps: [{ pause: {} }, { setWeight: 40 }] } },
          },
        ),
      ),
    ).toBe(0);
  });

  it('is undefined for blue-green', () => {
    expect(
      rolloutCanaryWeight(
        rollout({ currentStepIndex: 0 }, { strategy: { blueGreen: {} } }),
      ),
    ).toBeUndefined();
  });
});

describe('rolloutInfo', () => {
  it('reads phase, steps, weight and revisions', () => {
    const obj = rollout({
      phase: 'Paused',
      message: 'CanaryPauseStep',
      currentStepIndex: 1,
      stableRS: '5d9f8c7b6',
      currentPodHash: '7c6b5a4d3',
    });
    expect(rolloutInfo(obj)).toEqual({
      phase: 'Paused',
      message: 'CanaryPauseStep',
      currentStep: 1,
      totalSteps: 4,
      canaryWeight: 20,
      stableRevision: '5d9f8c7b6',
      canaryRevision: '7c6b5a4d3',
    });
  });
});

describe('rolloutStatus', () => {
  it('is not a sync owner', () => {
    expect(rolloutStatus(rollout({ phase: 'Healthy' })).sync).toBe('Unknown');
  });

  it.each([
    [
      'pause conditions',
      { phase: 'Paused', pauseConditions: [{ reason: 'CanaryPauseStep' }] },
      {},
      true,
    ],
    ['spec.paused', { phase: 'Paused' }, { paused: true }, true],
    ['healthy', { phase: 'Healthy' }, {}, false],
  ])('suspended: %s', (_name, status, spec, expected) => {
    expect(
      rolloutStatus(
        rollout(status, { strategy: { canary: { steps } }, ...spec }),
      ).suspended,
    ).toBe(expected);
  });

  it('takes health from the Argo CD rule', () => {
    expect(
      rolloutStatus(
        rollout({
          phase: 'Degraded',
          message: 'RolloutAborted: metric failed',
        }),
      ).health,
    ).toEqual({
      status: 'Degraded',
      message: 'RolloutAborted: metric failed',
    });
  });

  it('takes the latest condition time as lastTransitionTime', () => {
    const obj = rollout({
      phase: 'Healthy',
      conditions: [
        {
          type: 'Available',
          status: 'True',
          lastTransitionTime: '2025-03-01T09:00:00Z',
        },
        {
          type: 'Progressing',
          status: 'True',
          lastTransitionTime: '2025-03-01T10:00:00Z',
        },
      ],
    });
    expect(rolloutStatus(obj).lastTransitionTime).toBe(
      '2025-03-01T10:00:00.000Z',
    );
  });
});
