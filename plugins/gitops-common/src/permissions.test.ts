import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  gitopsPermissions,
  gitopsPromotePermission,
  gitopsRollbackPermission,
  gitopsStatusReadPermission,
} from './permissions';

describe('GitOps permissions', () => {
  it.each([
    [gitopsStatusReadPermission, 'gitops.status.read', 'read'],
    [gitopsPromotePermission, 'gitops.promote', 'update'],
    [gitopsRollbackPermission, 'gitops.rollback', 'update'],
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
    ]);
  });
});
