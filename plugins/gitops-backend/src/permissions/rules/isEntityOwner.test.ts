import { Entity } from '@backstage/catalog-model';
import { isEntityOwner } from './isEntityOwner';

/** A component as the catalog serves it: `spec.owner` and the `ownedBy` relation the catalog derives from it. */
function component(owner?: string, relations = true): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', namespace: 'default' },
    spec: owner ? { owner } : {},
    relations:
      owner && relations
        ? [{ type: 'ownedBy', targetRef: `group:default/${owner}` }]
        : [],
  };
}

const alice = ['user:default/alice', 'group:default/team-a'];
const bob = ['user:default/bob', 'group:default/team-b'];
const guest = ['user:development/guest'];

describe('isEntityOwner', () => {
  it.each([
    ['allows a member of the owning group', alice, component('team-a'), true],
    ['denies a member of another team', bob, component('team-a'), false],
    ['denies the guest', guest, component('team-a'), false],
    ['denies anyone on an entity without owner', alice, component(), false],
    [
      'allows the owning user',
      ['user:default/carol'],
      {
        ...component(),
        spec: { owner: 'user:carol' },
        relations: [{ type: 'ownedBy', targetRef: 'user:default/carol' }],
      },
      true,
    ],
    [
      'allows a member by spec.owner before the catalog adds relations',
      alice,
      component('team-a', false),
      true,
    ],
    [
      'allows a member by relation only',
      alice,
      { ...component('team-a'), spec: {} },
      true,
    ],
    [
      'allows a member whose refs differ in case',
      ['Group:Default/Team-A'],
      component('team-a'),
      true,
    ],
    [
      'denies a member of a same-named group in another namespace',
      ['group:other/team-a'],
      component('team-a'),
      false,
    ],
    [
      'denies a group related other than by ownership',
      alice,
      {
        ...component(),
        relations: [{ type: 'partOf', targetRef: 'group:default/team-a' }],
      },
      false,
    ],
  ] as Array<[string, string[], Entity, boolean]>)(
    '%s',
    (_, claims, entity, expected) => {
      expect(isEntityOwner.apply(entity, { claims })).toBe(expected);
    },
  );

  it('reads as the catalog query on ownedBy relations', () => {
    expect(isEntityOwner.toQuery({ claims: alice })).toEqual({
      key: 'relations.ownedBy',
      values: alice,
    });
  });
});
