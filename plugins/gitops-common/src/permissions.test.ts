import {
  createPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  gitopsChangePermission,
  gitopsDecommissionPermission,
  gitopsPermissions,
  gitopsPromotePermission,
  gitopsRollbackPermission,
  gitopsStatusReadPermission,
  isGitopsPermission,
} from './permissions';

describe('GitOps permissions', () => {
  it.each([
    [gitopsStatusReadPermission, 'gitops.status.read', 'read'],
    [gitopsPromotePermission, 'gitops.promote', 'update'],
    [gitopsRollbackPermission, 'gitops.rollback', 'update'],
    [gitopsDecommissionPermission, 'gitops.decommission', 'delete'],
    [gitopsChangePermission, 'gitops.change', 'update'],
  ])('%o', (permission, name, action) => {
    expect(permission).toEqual({
      type: 'resource',
      name,
      attributes: { action },
      resourceType: 'catalog-entity',
    });
  });

  it('are resource permissions on catalog entities, so policies can decide conditionally', () => {
    expect(
      gitopsPermissions.every(p => isResourcePermission(p, 'catalog-entity')),
    ).toBe(true);
  });

  it('are all listed', () => {
    expect(gitopsPermissions.map(p => p.name)).toEqual([
      'gitops.status.read',
      'gitops.promote',
      'gitops.rollback',
      'gitops.decommission',
      'gitops.change',
    ]);
  });

  it.each([
    ['a listed permission', true, gitopsPromotePermission],
    [
      'any gitops. permission',
      true,
      createPermission({
        name: 'gitops.cluster.write',
        attributes: { action: 'update' },
      }),
    ],
    [
      "another plugin's permission",
      false,
      createPermission({
        name: 'catalog.entity.read',
        attributes: { action: 'read' },
        resourceType: 'catalog-entity',
      }),
    ],
  ])('isGitopsPermission: %s → %s', (_, expected, permission) => {
    expect(isGitopsPermission(permission)).toBe(expected);
  });
});
