import { Health } from '../schema';
import { cond, DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import { sealedSecretHealth, sealedSecretStatus } from './sealedSecretHealth';

const sealed = (parts: ObjectParts) =>
  k8s('bitnami.com/v1alpha1', 'SealedSecret', parts);

describe('sealedSecretHealth mirrors bitnami.com/SealedSecret/health.lua', () => {
  it.each<[string, ObjectParts, Health]>([
    [
      'deleting',
      { metadata: DELETING },
      {
        status: 'Progressing',
        message:
          'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup',
      },
    ],
    [
      'no status',
      { spec: {} },
      {
        status: 'Progressing',
        message: 'Waiting for Sealed Secret to be decrypted',
      },
    ],
    [
      'Synced=True',
      { status: { conditions: [cond('Synced', 'True')] } },
      { status: 'Healthy' },
    ],
    [
      'Synced=False',
      {
        status: {
          conditions: [
            cond(
              'Synced',
              'False',
              undefined,
              'no key could decrypt secret (password)',
            ),
          ],
        },
      },
      { status: 'Degraded', message: 'no key could decrypt secret (password)' },
    ],
    [
      'Synced=Unknown is skipped',
      { status: { conditions: [cond('Synced', 'Unknown')] } },
      {
        status: 'Progressing',
        message: 'Waiting for Sealed Secret to be decrypted',
      },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(sealedSecretHealth(sealed(parts))).toEqual(expected);
  });

  it('sealedSecretStatus applies the stale-generation row', () => {
    const obj = sealed({
      metadata: { generation: 2 },
      status: { observedGeneration: 1, conditions: [cond('Synced', 'True')] },
    });
    expect(sealedSecretStatus(obj).health.status).toBe('Progressing');
  });
});
