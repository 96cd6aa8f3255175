import { canary, promoted } from '../__fixtures__/flagger';
import { flaggerCanaryInfo, flaggerCanaryStatus } from './flaggerStatus';

const ANALYSING = promoted(
  'Unknown',
  'Progressing',
  'Advance web.team-a canary weight 20',
);

describe('flaggerCanaryInfo', () => {
  it.each([
    [
      'an analysis in progress',
      canary({
        phase: 'Progressing',
        canaryWeight: 20,
        failedChecks: 1,
        iterations: 0,
        conditions: [ANALYSING],
      }),
      {
        phase: 'Progressing',
        message: 'Advance web.team-a canary weight 20',
        canaryWeight: 20,
        failedChecks: 1,
        iterations: 0,
      },
    ],
    [
      'A/B testing counts iterations',
      canary({ phase: 'Progressing', iterations: 3 }),
      { phase: 'Progressing', canaryWeight: 0, failedChecks: 0, iterations: 3 },
    ],
    [
      'fields of the wrong type are left out',
      canary({
        phase: 7,
        canaryWeight: 'ten',
        failedChecks: 1.5,
        iterations: '2',
      }),
      {},
    ],
    ['no status', canary(undefined), {}],
  ])('%s', (_name, obj, expected) => {
    expect(flaggerCanaryInfo(obj)).toEqual(expected);
  });
});

describe('flaggerCanaryStatus', () => {
  it('is not a sync owner and carries health, conditions and progress', () => {
    const obj = canary({
      phase: 'Progressing',
      canaryWeight: 20,
      conditions: [ANALYSING],
      lastTransitionTime: '2025-03-01T10:06:00Z',
    });
    expect(flaggerCanaryStatus(obj)).toEqual({
      sync: 'Unknown',
      health: {
        status: 'Progressing',
        message:
          'Progressing --- Canary Weight: 20 % --- Advance web.team-a canary weight 20',
      },
      conditions: [
        {
          type: 'Promoted',
          status: 'Unknown',
          reason: 'Progressing',
          message: 'Advance web.team-a canary weight 20',
          lastTransitionTime: '2025-03-01T10:05:00.000Z',
        },
      ],
      lastTransitionTime: '2025-03-01T10:06:00.000Z',
      suspended: false,
      rollout: {
        phase: 'Progressing',
        message: 'Advance web.team-a canary weight 20',
        canaryWeight: 20,
        failedChecks: 0,
        iterations: 0,
      },
    });
  });

  it.each([
    [
      'status.lastTransitionTime',
      '2025-03-01T10:06:00Z',
      '2025-03-01T10:06:00.000Z',
    ],
    [
      'the latest condition time without it',
      undefined,
      '2025-03-01T10:05:00.000Z',
    ],
  ])('takes lastTransitionTime from %s', (_name, time, expected) => {
    const obj = canary({
      phase: 'Succeeded',
      conditions: [promoted('True', 'Succeeded', 'done')],
      lastTransitionTime: time,
    });
    expect(flaggerCanaryStatus(obj).lastTransitionTime).toBe(expected);
  });

  it.each([
    [true, true],
    [false, false],
    ['true', false],
  ])('spec.suspend %p is suspended: %p', (suspend, expected) => {
    const obj = canary({ phase: 'Succeeded' }, {}, { suspend });
    expect(flaggerCanaryStatus(obj).suspended).toBe(expected);
  });
});
