import { cond, k8s, ObjectParts } from '../__fixtures__/objects';
import { FLUX_GROUPS, FluxKind } from './fluxHealth';
import { fluxRevisionRaw, fluxSync, parseFluxRevision } from './fluxStatus';

const flux = (kind: FluxKind, parts: ObjectParts) =>
  k8s(`${FLUX_GROUPS[kind]}/v1`, kind, parts);
const SHA = '4f1c2a9d1e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a';

describe('parseFluxRevision', () => {
  it.each([
    ['branch@sha1', `main@sha1:${SHA}`, SHA],
    ['tag@sha1', `v1.2.0@sha1:${SHA}`, SHA],
    ['bare sha1', `sha1:${SHA}`, SHA],
    ['legacy branch/sha', `main/${SHA}`, SHA],
    ['OCI tag@digest', 'latest@sha256:9a8b7c', 'sha256:9a8b7c'],
    ['bare digest', 'sha256:9a8b7c', 'sha256:9a8b7c'],
    ['chart version', '6.5.0', '6.5.0'],
    ['chart version with build metadata', '6.5.0+4f1c2a9', '6.5.0+4f1c2a9'],
    ['trailing @ kept as is', 'main@', 'main@'],
  ])('%s', (_name, raw, expected) => {
    expect(parseFluxRevision(raw)).toBe(expected);
  });
});

describe('fluxSync', () => {
  const ready = cond('Ready', 'True', 'ReconciliationSucceeded');
  it.each([
    [
      'applied = attempted and Ready',
      flux('Kustomization', {
        status: {
          lastAppliedRevision: `main@sha1:${SHA}`,
          lastAttemptedRevision: `main@sha1:${SHA}`,
          conditions: [ready],
        },
      }),
      'Synced',
    ],
    [
      'applied = attempted but not Ready',
      flux('Kustomization', {
        status: {
          lastAppliedRevision: 'a',
          lastAttemptedRevision: 'a',
          conditions: [cond('Ready', 'False', 'HealthCheckFailed')],
        },
      }),
      'Unknown',
    ],
    [
      'applied differs from attempted',
      flux('Kustomization', {
        status: {
          lastAppliedRevision: 'main@sha1:old',
          lastAttemptedRevision: 'main@sha1:new',
          conditions: [cond('Ready', 'False', 'BuildFailed')],
        },
      }),
      'OutOfSync',
    ],
    [
      'differs even while Ready',
      flux('Kustomization', {
        status: {
          lastAppliedRevision: 'a',
          lastAttemptedRevision: 'b',
          conditions: [ready],
        },
      }),
      'OutOfSync',
    ],
    [
      'nothing applied yet',
      flux('Kustomization', {
        status: { lastAttemptedRevision: 'a', conditions: [ready] },
      }),
      'Unknown',
    ],
    [
      'nothing attempted',
      flux('Kustomization', {
        status: { lastAppliedRevision: 'a', conditions: [ready] },
      }),
      'Unknown',
    ],
    ['no status', flux('Kustomization', { spec: {} }), 'Unknown'],
    [
      'HelmRelease v2 history',
      flux('HelmRelease', {
        status: {
          history: [{ chartVersion: '1.4.0' }],
          lastAttemptedRevision: '1.4.0',
          conditions: [ready],
        },
      }),
      'Synced',
    ],
    [
      'HelmRelease v2 upgrade pending',
      flux('HelmRelease', {
        status: {
          history: [{ chartVersion: '1.3.0' }],
          lastAttemptedRevision: '1.4.0',
          conditions: [ready],
        },
      }),
      'OutOfSync',
    ],
    [
      'sources are not sync owners',
      flux('GitRepository', {
        status: { artifact: { revision: 'a' }, conditions: [ready] },
      }),
      'Unknown',
    ],
  ])('%s', (_name, obj, expected) => {
    expect(fluxSync(obj)).toBe(expected);
  });
});

describe('fluxRevisionRaw', () => {
  it.each([
    [
      'last applied first',
      {
        lastAppliedRevision: 'main@sha1:a',
        lastAttemptedRevision: 'main@sha1:b',
        artifact: { revision: 'c' },
      },
      'main@sha1:a',
    ],
    [
      'artifact of a source',
      { artifact: { revision: 'main@sha1:c' } },
      'main@sha1:c',
    ],
    [
      'attempted when nothing else',
      { lastAttemptedRevision: 'main@sha1:b' },
      'main@sha1:b',
    ],
    ['none', {}, undefined],
  ])('%s', (_name, status, expected) => {
    expect(fluxRevisionRaw(flux('Kustomization', { status }))).toBe(expected);
  });
});
