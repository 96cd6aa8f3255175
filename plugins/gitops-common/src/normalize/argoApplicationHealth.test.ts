import { Health } from '../schema';
import {
  BLOCKED_MESSAGE,
  cond,
  DELETING,
  k8s,
  ObjectParts,
} from '../__fixtures__/objects';
import {
  argoApplicationHealth,
  argoApplicationSetHealth,
} from './argoApplication';

type Case = [string, Record<string, unknown>, Health];

const app = (parts: ObjectParts) =>
  k8s('argoproj.io/v1alpha1', 'Application', parts);
const appSet = (parts: ObjectParts) =>
  k8s('argoproj.io/v1alpha1', 'ApplicationSet', parts);

describe('argoApplicationHealth mirrors argoproj.io/Application/health.lua', () => {
  it.each<Case>([
    [
      'reported health',
      app({
        status: {
          health: {
            status: 'Degraded',
            message: 'Deployment exceeded its progress deadline',
          },
        },
      }),
      {
        status: 'Degraded',
        message: 'Deployment exceeded its progress deadline',
      },
    ],
    [
      'reported health without message',
      app({ status: { health: { status: 'Healthy' } } }),
      { status: 'Healthy' },
    ],
    [
      'Missing is a health code',
      app({ status: { health: { status: 'Missing' } } }),
      { status: 'Missing' },
    ],
    [
      'no status',
      app({ spec: {} }),
      {
        status: 'Progressing',
        message: 'Waiting for application to be reconciled',
      },
    ],
    [
      'status without health',
      app({ status: { sync: { status: 'Synced' } } }),
      {
        status: 'Progressing',
        message: 'Waiting for application to be reconciled',
      },
    ],
    [
      'a status that is no health code',
      app({ status: { health: { status: 'Fine' } } }),
      { status: 'Unknown', message: 'Lua returned an invalid health status' },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(argoApplicationHealth(obj)).toEqual(expected);
  });
});

describe('argoApplicationSetHealth mirrors argoproj.io/ApplicationSet/health.lua', () => {
  const set = (...conditions: ReturnType<typeof cond>[]) =>
    appSet({ status: { conditions } });
  it.each<Case>([
    [
      'deleting',
      appSet({ metadata: DELETING }),
      { status: 'Progressing', message: BLOCKED_MESSAGE },
    ],
    [
      'no status',
      appSet({ spec: {} }),
      {
        status: 'Progressing',
        message: 'Waiting for the status to be reported',
      },
    ],
    [
      'no conditions',
      appSet({ status: {} }),
      {
        status: 'Progressing',
        message: 'Waiting for the status to be reported',
      },
    ],
    [
      'ErrorOccurred=True',
      set(
        cond(
          'ResourcesUpToDate',
          'True',
          'ApplicationSetUpToDate',
          'All applications have been generated successfully',
        ),
        cond(
          'ErrorOccurred',
          'True',
          'ApplicationGenerationFromParamsError',
          'failed to render template',
        ),
      ),
      { status: 'Degraded', message: 'failed to render template' },
    ],
    [
      'ResourcesUpToDate=False',
      set(
        cond('ErrorOccurred', 'False'),
        cond('ResourcesUpToDate', 'False', 'ErrorOccurred', 'generator failed'),
      ),
      { status: 'Degraded', message: 'generator failed' },
    ],
    [
      'RolloutProgressing=True',
      set(
        cond('ResourcesUpToDate', 'True', 'x', 'up to date'),
        cond(
          'RolloutProgressing',
          'True',
          'ApplicationSetModified',
          'progressive sync in step 2',
        ),
      ),
      { status: 'Progressing', message: 'progressive sync in step 2' },
    ],
    [
      'ResourcesUpToDate=True',
      set(
        cond('ErrorOccurred', 'False'),
        cond(
          'ResourcesUpToDate',
          'True',
          'ApplicationSetUpToDate',
          'All applications have been generated successfully',
        ),
      ),
      {
        status: 'Healthy',
        message: 'All applications have been generated successfully',
      },
    ],
    [
      'only ErrorOccurred=False',
      set(cond('ErrorOccurred', 'False')),
      {
        status: 'Progressing',
        message: 'Waiting for the status to be reported',
      },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(argoApplicationSetHealth(obj)).toEqual(expected);
  });
});
