import { Health } from '../schema';
import { DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import { analysisRunHealth, AnalysisRunKind } from './analysisRunHealth';
import { EMPTY_LUA_RESULT_MESSAGE } from './health';

const run = (kind: AnalysisRunKind, parts: ObjectParts) =>
  k8s('argoproj.io/v1alpha1', kind, parts);
type Case = [string, ObjectParts, Health];
const BLOCKED =
  'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup';

describe('analysisRunHealth mirrors argoproj.io/AnalysisRun/health.lua', () => {
  it.each<Case>([
    [
      'deleting',
      { metadata: DELETING },
      { status: 'Progressing', message: BLOCKED },
    ],
    [
      'no status',
      {},
      {
        status: 'Progressing',
        message:
          'Waiting for analysis run to finish: status has not been reconciled.',
      },
    ],
    [
      'Pending',
      { status: { phase: 'Pending' } },
      { status: 'Progressing', message: 'Analysis run is running' },
    ],
    [
      'Running ignores status.message',
      { status: { phase: 'Running', message: 'measuring' } },
      { status: 'Progressing', message: 'Analysis run is running' },
    ],
    [
      'Successful',
      { status: { phase: 'Successful' } },
      { status: 'Healthy', message: 'Analysis run completed successfully' },
    ],
    [
      'Failed with the controller message',
      {
        status: {
          phase: 'Failed',
          message:
            'Metric "success-rate" assessed Failed due to failed (3) > failureLimit (2)',
        },
      },
      {
        status: 'Degraded',
        message:
          'Metric "success-rate" assessed Failed due to failed (3) > failureLimit (2)',
      },
    ],
    [
      'Failed without a message',
      { status: { phase: 'Failed' } },
      { status: 'Degraded', message: 'Analysis run failed' },
    ],
    [
      'Error',
      { status: { phase: 'Error' } },
      { status: 'Degraded', message: 'Analysis run had an error' },
    ],
    [
      'Inconclusive',
      { status: { phase: 'Inconclusive' } },
      { status: 'Unknown', message: 'Analysis run was inconclusive' },
    ],
    [
      'a phase the script does not list',
      { status: {} },
      { status: 'Unknown', message: EMPTY_LUA_RESULT_MESSAGE },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(analysisRunHealth('AnalysisRun', run('AnalysisRun', parts))).toEqual(
      expected,
    );
  });
});

describe('analysisRunHealth mirrors argoproj.io/Experiment/health.lua', () => {
  it.each<Case>([
    [
      'deleting',
      { metadata: DELETING },
      { status: 'Progressing', message: BLOCKED },
    ],
    [
      'no status',
      {},
      {
        status: 'Progressing',
        message:
          'Waiting for experiment to finish: status has not been reconciled.',
      },
    ],
    [
      'Pending',
      { status: { phase: 'Pending' } },
      { status: 'Progressing', message: 'Experiment is pending' },
    ],
    [
      'Running',
      { status: { phase: 'Running' } },
      { status: 'Progressing', message: 'Experiment is running' },
    ],
    [
      'Successful ignores status.message',
      { status: { phase: 'Successful', message: 'done' } },
      { status: 'Healthy', message: 'Experiment is successful' },
    ],
    [
      'Failed',
      { status: { phase: 'Failed' } },
      { status: 'Degraded', message: 'Experiment has failed' },
    ],
    [
      'Error',
      { status: { phase: 'Error' } },
      { status: 'Degraded', message: 'Experiment had an error' },
    ],
    [
      'Inconclusive is not listed',
      { status: { phase: 'Inconclusive' } },
      { status: 'Unknown', message: EMPTY_LUA_RESULT_MESSAGE },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(analysisRunHealth('Experiment', run('Experiment', parts))).toEqual(
      expected,
    );
  });
});
