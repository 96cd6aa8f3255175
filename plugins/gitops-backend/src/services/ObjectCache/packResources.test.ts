import { ManagedResourceStatus } from '@gitops-portal/plugin-gitops-common';
import { packResources, unpackResources } from './packResources';

const resource = (
  overrides: Partial<ManagedResourceStatus>,
): ManagedResourceStatus => ({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
  sync: 'Synced',
  health: 'Healthy',
  ...overrides,
});

describe('packResources', () => {
  it.each([
    ['one resource', [resource({})]],
    [
      'rows repeating and changing fields',
      [
        resource({ name: 'a' }),
        resource({ name: 'b', kind: 'Service', group: '' }),
        resource({ name: 'c', kind: 'Service', group: '' }),
      ],
    ],
    [
      'alternating kinds and names sharing prefixes',
      Array.from({ length: 6 }, (_, i) =>
        resource({
          name: `checkout-component-${i}`,
          kind: i % 2 ? 'Service' : 'Deployment',
          group: i % 2 ? '' : 'apps',
        }),
      ),
    ],
    [
      'a name that is a prefix of the previous one',
      [resource({ name: 'checkout-db' }), resource({ name: 'checkout' })],
    ],
    ['the same resource twice', [resource({}), resource({})]],
    [
      'optional fields present and absent',
      [
        resource({ namespace: undefined, health: undefined, name: 'ns' }),
        resource({ message: 'pruning', requiresPruning: true, name: 'old' }),
        resource({ sync: 'OutOfSync', name: 'x' }),
      ],
    ],
  ])('round-trips %s', (_name, resources) => {
    const clean = resources.map(r =>
      Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)),
    );
    expect(unpackResources(packResources(resources)!)).toEqual(clean);
  });

  it.each([[undefined], [[]]])('keeps nothing for %p', resources => {
    expect(packResources(resources)).toBeUndefined();
  });

  it('writes repeated values and shared name prefixes once', () => {
    const resources = Array.from({ length: 10 }, (_, i) =>
      resource({
        name: `svc-0007-component-${i}`,
        namespace: 'svc-0007',
        kind: i % 2 ? 'Service' : 'Deployment',
        group: i % 2 ? '' : 'apps',
      }),
    );
    // The plain JSON of these ten is ~1,300 characters; the flat format before was ~520.
    expect(packResources(resources)!.length).toBeLessThan(300);
  });
});
