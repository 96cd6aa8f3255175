import {
  createPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  gitopsChangePermission,
  gitopsClusterRequestPermission,
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

  it('gitops.cluster.request is a basic create permission: the cluster has no entity yet', () => {
    expect(gitopsClusterRequestPermission).toEqual({
      type: 'basic',
      name: 'gitops.cluster.request',
      attributes: { action: 'create' },
    });
  });

  it('are resource permissions on catalog entities, so policies can decide conditionally, except the cluster request', () => {
    expect(
      gitopsPermissions
        .filter(p => !isResourcePermission(p, 'catalog-entity'))
        .map(p => p.name),
    ).toEqual(['gitops.cluster.request']);
  });

  it('are all listed', () => {
    expect(gitopsPermissions.map(p => p.name)).toEqual([
      'gitops.status.read',
      'gitops.promote',
      'gitops.rollback',
      'gitops.decommission',
      'gitops.change',
      'gitops.cluster.request',
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
