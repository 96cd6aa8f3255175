import { Health } from '../schema';
import { cond } from '../__fixtures__/objects';
import { BLUE_GREEN, rollout } from '../__fixtures__/rollout';
import { rolloutHealth } from './rolloutHealth';

type Case = [string, Record<string, unknown>, Health?];

describe('rolloutHealth mirrors argoproj.io/Rollout/health.lua: legacy controllers (no status.phase)', () => {
  it.each<Case>([
    [
      'legacy InvalidSpec',
      rollout({
        conditions: [
          cond(
            'InvalidSpec',
            'True',
            'InvalidSpec',
            "The Rollout is missing field '.spec.strategy'",
          ),
        ],
      }),
      {
        status: 'Degraded',
        message: "The Rollout is missing field '.spec.strategy'",
      },
    ],
    [
      'legacy aborted',
      rollout({
        conditions: [
          cond('Progressing', 'False', 'RolloutAborted', 'Rollout is aborted'),
        ],
      }),
      { status: 'Degraded', message: 'Rollout is aborted' },
    ],
    [
      'legacy progress deadline exceeded',
      rollout({
        conditions: [
          cond(
            'Progressing',
            'False',
            'ProgressDeadlineExceeded',
            'ReplicaSet has timed out progressing.',
          ),
        ],
      }),
      { status: 'Degraded', message: 'ReplicaSet has timed out progressing.' },
    ],
    [
      'legacy pause condition',
      rollout({ pauseConditions: [{ reason: 'CanaryPauseStep' }] }),
      { status: 'Suspended', message: 'Rollout is paused' },
    ],
    [
      'legacy spec.paused',
      rollout({}, { paused: true }),
      { status: 'Suspended', message: 'Rollout is paused' },
    ],
    ['legacy empty pause condition list', rollout({ pauseConditions: [] })],
    [
      'legacy no currentPodHash',
      rollout({ currentPodHash: undefined }),
      {
        status: 'Progressing',
        message:
          'Waiting for rollout to finish: status has not been reconciled.',
      },
    ],
    [
      'legacy more replicas to update',
      rollout({ updatedReplicas: 1 }),
      {
        status: 'Progressing',
        message:
          'Waiting for roll out to finish: More replicas need to be updated',
      },
    ],
    [
      'legacy replicas default to 1',
      rollout(
        { updatedReplicas: 0, replicas: 0, availableReplicas: 0 },
        { replicas: undefined },
      ),
      {
        status: 'Progressing',
        message:
          'Waiting for roll out to finish: More replicas need to be updated',
      },
    ],
    [
      'legacy updated replicas not available',
      rollout({ availableReplicas: 2 }),
      {
        status: 'Progressing',
        message:
          'Waiting for roll out to finish: updated replicas are still becoming available',
      },
    ],
    [
      'legacy canary old replicas terminating',
      rollout({ replicas: 5 }),
      {
        status: 'Progressing',
        message:
          'Waiting for roll out to finish: old replicas are pending termination',
      },
    ],
    [
      'legacy canary steps not finished',
      rollout({ stableRS: 'old999' }),
      { status: 'Progressing', message: 'Waiting for rollout to finish steps' },
    ],
    [
      'legacy canary without stableRS',
      rollout({ stableRS: undefined }),
      { status: 'Progressing', message: 'Waiting for rollout to finish steps' },
    ],
    [
      'legacy canary pre-v0.8 status.canary.stableRS',
      rollout({ stableRS: undefined, canary: { stableRS: 'abc123' } }),
    ],
    ['legacy canary done', rollout({})],
    [
      'legacy blue-green cutover pending',
      rollout(
        { blueGreen: { activeSelector: 'old999' } },
        { strategy: BLUE_GREEN },
      ),
      { status: 'Progressing', message: 'active service cutover pending' },
    ],
    [
      'legacy blue-green without blueGreen status',
      rollout({}, { strategy: BLUE_GREEN }),
      { status: 'Progressing', message: 'active service cutover pending' },
    ],
    [
      'legacy blue-green waiting for analysis',
      rollout(
        { blueGreen: { activeSelector: 'abc123' }, stableRS: 'old999' },
        { strategy: BLUE_GREEN },
      ),
      { status: 'Progressing', message: 'waiting for analysis to complete' },
    ],
    [
      'legacy blue-green without stableRS (pre-v0.8)',
      rollout(
        { blueGreen: { activeSelector: 'abc123' }, stableRS: undefined },
        { strategy: BLUE_GREEN },
      ),
    ],
    [
      'legacy blue-green serving',
      rollout(
        { blueGreen: { activeSelector: 'abc123' } },
        { strategy: BLUE_GREEN },
      ),
    ],
    [
      'legacy status without conditions is a script error',
      rollout({ conditions: undefined }),
      {
        status: 'Unknown',
        message: 'Health check failed: status.conditions is missing',
      },
    ],
    [
      'legacy without strategy is a script error',
      rollout({}, { strategy: undefined }),
      {
        status: 'Unknown',
        message: 'Health check failed: spec.strategy is missing',
      },
    ],
    [
      'replicas of the wrong type is a script error',
      rollout({ updatedReplicas: 'three' }),
      {
        status: 'Unknown',
        message: 'Health check failed: status.updatedReplicas is not a number',
      },
    ],
    [
      'numeric observedGeneration without metadata.generation is a script error',
      rollout({}, {}, { generation: undefined }),
      {
        status: 'Unknown',
        message: 'Health check failed: metadata.generation is not a number',
      },
    ],
  ])('%s', (_name, obj, expected = { status: 'Healthy' }) => {
    expect(rolloutHealth(obj)).toEqual(expected);
  });
});
