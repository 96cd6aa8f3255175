import { Health } from '../schema';
import { BLOCKED_MESSAGE, DELETING } from '../__fixtures__/objects';
import { canary, promoted } from '../__fixtures__/flagger';
import { flaggerCanaryHealth } from './flaggerHealth';

type Case = [string, Record<string, unknown>, Health];

const NEW_REVISION = promoted(
  'Unknown',
  'Progressing',
  'New revision detected, progressing canary analysis.',
);

describe('flaggerCanaryHealth mirrors flagger.app/Canary/health.lua: phases', () => {
  it.each<Case>([
    [
      'Progressing with weight',
      canary({
        phase: 'Progressing',
        canaryWeight: 10,
        conditions: [NEW_REVISION],
      }),
      {
        status: 'Progressing',
        message:
          'Progressing --- Canary Weight: 10 % --- New revision detected, progressing canary analysis.',
      },
    ],
    [
      'Promoting',
      canary({
        phase: 'Promoting',
        conditions: [
          promoted(
            'Unknown',
            'Progressing',
            'Canary analysis completed, starting primary rolling update.',
          ),
        ],
      }),
      {
        status: 'Progressing',
        message:
          'Promoting --- Canary analysis completed, starting primary rolling update.',
      },
    ],
    [
      'Finalising',
      canary({
        phase: 'Finalising',
        conditions: [promoted('Unknown', 'Finalising', 'Routing all traffic.')],
      }),
      { status: 'Progressing', message: 'Finalising --- Routing all traffic.' },
    ],
    [
      'Succeeded',
      canary({
        phase: 'Succeeded',
        conditions: [promoted('True', 'Succeeded', 'Promotion finished.')],
      }),
      { status: 'Healthy', message: 'Succeeded --- Promotion finished.' },
    ],
    [
      'Initialized',
      canary({
        phase: 'Initialized',
        conditions: [
          promoted('True', 'Initialized', 'Installation successful.'),
        ],
      }),
      {
        status: 'Healthy',
        message: 'Initialized --- Installation successful.',
      },
    ],
    [
      'Failed',
      canary({
        phase: 'Failed',
        conditions: [
          promoted(
            'False',
            'Failed',
            'Canary analysis failed, scaled to zero.',
          ),
        ],
      }),
      {
        status: 'Degraded',
        message: 'Failed --- Canary analysis failed, scaled to zero.',
      },
    ],
    [
      'Waiting is not listed by the script',
      canary({ phase: 'Waiting', conditions: [NEW_REVISION] }),
      {
        status: 'Unknown',
        message:
          'Waiting --- New revision detected, progressing canary analysis.',
      },
    ],
    [
      'Initializing is not listed by the script',
      canary({ phase: 'Initializing' }),
      { status: 'Unknown', message: 'Initializing --- ' },
    ],
    [
      'every condition message joins with the separator',
      canary({
        phase: 'Progressing',
        canaryWeight: 20,
        conditions: [NEW_REVISION, { type: 'Other', message: 'second' }],
      }),
      {
        status: 'Progressing',
        message:
          'Progressing --- Canary Weight: 20 % --- New revision detected, progressing canary analysis. --- second',
      },
    ],
    [
      'a numeric-string weight concatenates as written',
      canary({ phase: 'Progressing', canaryWeight: '30' }),
      { status: 'Progressing', message: 'Progressing --- Canary Weight: 30 %' },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(flaggerCanaryHealth(obj)).toEqual(expected);
  });
});

describe('flaggerCanaryHealth mirrors flagger.app/Canary/health.lua: missing data', () => {
  it.each<Case>([
    [
      'deleting',
      canary({ phase: 'Succeeded' }, DELETING),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    [
      'no status',
      canary(undefined),
      { status: 'Unknown', message: 'No status' },
    ],
    [
      'no canaryWeight (tonumber(nil) > 0 raises)',
      canary({ phase: 'Progressing', canaryWeight: undefined }),
      {
        status: 'Unknown',
        message: 'Health check failed: status.canaryWeight is not a number',
      },
    ],
    [
      'no conditions (ipairs(nil) raises)',
      canary({ phase: 'Progressing', conditions: undefined }),
      {
        status: 'Unknown',
        message: 'Health check failed: status.conditions is missing',
      },
    ],
    [
      'a condition without message (concatenating nil raises)',
      canary({ phase: 'Progressing', conditions: [{ type: 'Promoted' }] }),
      {
        status: 'Unknown',
        message:
          'Health check failed: attempt to concatenate status.conditions[].message',
      },
    ],
    [
      'no phase (concatenating nil raises)',
      canary({}),
      {
        status: 'Unknown',
        message: 'Health check failed: attempt to concatenate status.phase',
      },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(flaggerCanaryHealth(obj)).toEqual(expected);
  });
});
