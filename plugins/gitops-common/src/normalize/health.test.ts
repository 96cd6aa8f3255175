import { k8s } from '../__fixtures__/objects';
import { fluxHealth } from './fluxHealth';
import {
  health,
  HealthCheckError,
  isHealthStatus,
  isPendingDeletion,
  noHealthCheck,
  pendingDeletionHealth,
  runHealthCheck,
} from './health';

describe('pendingDeletionHealth (the block opening Argo CD health scripts)', () => {
  const meta = (metadata: Record<string, unknown>) =>
    k8s('example.org/v1', 'Thing', { metadata });
  it.each([
    ['not deleting', meta({}), undefined],
    ['deletionTimestamp null', meta({ deletionTimestamp: null }), undefined],
    [
      'deleting, no finalizers',
      meta({ deletionTimestamp: '2025-03-01T00:00:00Z' }),
      { status: 'Progressing', message: 'Pending deletion' },
    ],
    [
      'deleting, one finalizer',
      meta({
        deletionTimestamp: '2025-03-01T00:00:00Z',
        finalizers: ['a.example.org/x'],
      }),
      {
        status: 'Progressing',
        message: 'Pending deletion; blocked by finalizers: a.example.org/x',
      },
    ],
    [
      'numeric finalizers concatenate, as in Lua',
      meta({ deletionTimestamp: 'x', finalizers: ['a', 7] }),
      {
        status: 'Progressing',
        message: 'Pending deletion; blocked by finalizers: a, 7',
      },
    ],
    [
      'finalizers that are not a list',
      meta({ deletionTimestamp: 'x', finalizers: 'a' }),
      { status: 'Progressing', message: 'Pending deletion' },
    ],
  ])('%s', (_name, obj, expected) => {
    expect(pendingDeletionHealth(obj)).toEqual(expected);
  });

  it('raises like Lua on a finalizer that is neither string nor number', () => {
    expect(() =>
      pendingDeletionHealth(
        meta({ deletionTimestamp: 'x', finalizers: [{ name: 'a' }] }),
      ),
    ).toThrow(HealthCheckError);
  });

  it('which a health rule reports as Unknown', () => {
    const obj = k8s('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
      metadata: { deletionTimestamp: 'x', finalizers: [['a']] },
    });
    expect(fluxHealth(obj)).toEqual({
      status: 'Unknown',
      message:
        "Health check failed: invalid value in table for 'concat' (metadata.finalizers)",
    });
  });

  it.each([
    [{ deletionTimestamp: '2025-03-01T00:00:00Z' }, true],
    [{}, false],
  ])('isPendingDeletion %j -> %s', (metadata, expected) => {
    expect(isPendingDeletion(meta(metadata))).toBe(expected);
  });
});

describe('health', () => {
  it.each([
    [
      'a message',
      'Degraded',
      'broken',
      { status: 'Degraded', message: 'broken' },
    ],
    ['an empty message (Lua "")', 'Healthy', '', { status: 'Healthy' }],
    ['no message (Lua nil)', 'Healthy', undefined, { status: 'Healthy' }],
    ['a message of the wrong type', 'Healthy', 3, { status: 'Healthy' }],
  ] as const)('with %s', (_name, status, message, expected) => {
    expect(health(status, message)).toEqual(expected);
  });
});

describe('runHealthCheck', () => {
  it('returns the rule result', () => {
    expect(runHealthCheck(() => health('Healthy'), {})).toEqual({
      status: 'Healthy',
    });
  });

  it.each([
    [
      'a HealthCheckError',
      new HealthCheckError('attempt to index a nil value'),
      'Health check failed: attempt to index a nil value',
    ],
    [
      'any other error',
      new TypeError('x is undefined'),
      'Health check failed: x is undefined',
    ],
    ['a thrown string', 'odd', 'Health check failed: odd'],
  ])('turns %s into Unknown', (_name, thrown, message) => {
    const failing = () => {
      throw thrown;
    };
    expect(runHealthCheck(failing, {})).toEqual({ status: 'Unknown', message });
  });
});

describe('isHealthStatus', () => {
  it.each([
    ['Healthy', true],
    ['Missing', true],
    ['healthy', false],
    ['Paused', false],
    [undefined, false],
  ])('%p -> %s', (value, expected) => {
    expect(isHealthStatus(value)).toBe(expected);
  });
});

describe('noHealthCheck', () => {
  it.each([
    [
      'example.org',
      'Widget',
      'Argo CD has no built-in health check for example.org/Widget',
    ],
    [
      '',
      'ConfigMap',
      'Argo CD has no built-in health check for core/ConfigMap',
    ],
  ])('%p %s', (group, kind, message) => {
    expect(noHealthCheck(group, kind)).toEqual({ status: 'Unknown', message });
  });
});
