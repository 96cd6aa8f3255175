import { CrdIndex } from './crdIndex';

function crd(
  overrides: {
    versions?: string[];
    categories?: string[];
    established?: string;
    annotation?: string;
  } = {},
) {
  return {
    metadata: {
      name: 'instances.sql.example.org',
      annotations: { note: overrides.annotation ?? 'a' },
    },
    spec: {
      group: 'sql.example.org',
      names: {
        kind: 'Instance',
        plural: 'instances',
        categories: overrides.categories ?? ['crossplane', 'managed'],
      },
      versions: (overrides.versions ?? ['v1beta1']).map((name, i) => ({
        name,
        served: true,
        storage: i === 0,
      })),
    },
    status: {
      conditions: [
        { type: 'Established', status: overrides.established ?? 'True' },
      ],
    },
  };
}

function listed() {
  let changes = 0;
  const index = new CrdIndex(() => changes++);
  index.observer.replaced([crd()]);
  return { index, changes: () => changes };
}

describe('CrdIndex', () => {
  it('reports the first list and reads managed kinds from categories', () => {
    const { index, changes } = listed();
    expect(changes()).toBe(1);
    expect(index.complete).toBe(true);
    expect(index.managedKinds()).toEqual([
      {
        group: 'sql.example.org',
        kind: 'Instance',
        plural: 'instances',
        crossplaneRole: 'managed',
        versions: ['v1beta1'],
      },
    ]);
  });

  it.each([
    ['a new served version', crd({ versions: ['v1beta1', 'v1'] }), 1],
    ['leaving the managed category', crd({ categories: ['crossplane'] }), 1],
    ['the Established condition', crd({ established: 'False' }), 1],
    ['only an annotation', crd({ annotation: 'b' }), 0],
    ['nothing', crd(), 0],
  ])('reports an update changing %s %p times', (_, updated, expected) => {
    const { index, changes } = listed();
    index.observer.upserted(updated);
    expect(changes() - 1).toBe(expected);
  });

  it.each([
    ['a relist with the same CRDs', [crd({ annotation: 'b' })], 0],
    ['a relist without them', [], 1],
  ])('reports %s %p times', (_, objects, expected) => {
    const { index, changes } = listed();
    index.observer.replaced(objects);
    expect(changes() - 1).toBe(expected);
  });

  it('reports a deletion', () => {
    const { index, changes } = listed();
    index.observer.deleted(crd());
    expect(changes() - 1).toBe(1);
    expect(index.managedKinds()).toEqual([]);
  });
});
