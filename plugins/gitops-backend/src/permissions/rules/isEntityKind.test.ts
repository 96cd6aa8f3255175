import { Entity } from '@backstage/catalog-model';
import { isEntityKind } from './isEntityKind';

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'shop' },
});

describe('isEntityKind', () => {
  it.each([
    ['allows one of the kinds', ['Component', 'Resource'], 'Component', true],
    ['allows a kind in another case', ['component'], 'Component', true],
    ['denies another kind', ['Component'], 'System', false],
    ['denies with no kinds at all', [], 'Component', false],
  ])('%s', (_, kinds, kind, expected) => {
    expect(isEntityKind.apply(entity(kind), { kinds })).toBe(expected);
  });
});
