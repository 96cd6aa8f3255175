import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { PortalPermissionPolicy } from './policy';

const user = {
  identity: {
    type: 'user',
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest'],
  },
  token: 'not-used',
  credentials: {},
  info: {
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest'],
  },
} as unknown as PolicyQueryUser;

const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const scaffolderRun = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});
const catalogDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});
const gitopsRead = createPermission({
  name: 'gitops.status.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const gitopsPromote = createPermission({
  name: 'gitops.promote',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

describe('PortalPermissionPolicy', () => {
  const policy = new PortalPermissionPolicy();

  it.each([
    ['a read', catalogRead, AuthorizeResult.ALLOW],
    ['a GitOps read', gitopsRead, AuthorizeResult.ALLOW],
    ['a scaffolder run', scaffolderRun, AuthorizeResult.ALLOW],
    ['a catalog delete', catalogDelete, AuthorizeResult.ALLOW],
  ])('answers %s by a signed-in user', async (_, permission, result) => {
    await expect(policy.handle({ permission }, user)).resolves.toEqual({
      result,
    });
  });

  it('makes a GitOps write on an entity conditional on owning it', async () => {
    await expect(
      policy.handle({ permission: gitopsPromote }, user),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/guest'] },
      },
    });
  });

  it('denies a GitOps write that is not on an entity', async () => {
    const permission = createPermission({
      name: 'gitops.cluster.write',
      attributes: { action: 'update' },
    });
    await expect(policy.handle({ permission }, user)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it.each([
    ['a read', catalogRead],
    ['a scaffolder run', scaffolderRun],
  ])('denies %s without a signed-in user', async (_, permission) => {
    await expect(policy.handle({ permission })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  describe('gitops.permissions.restrictStatusToOwners', () => {
    const ownerCondition = {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/guest'] },
      },
    };

    it.each([
      ['unset', {}, { result: AuthorizeResult.ALLOW }],
      [
        'false',
        { restrictStatusToOwners: false },
        { result: AuthorizeResult.ALLOW },
      ],
      ['true', { restrictStatusToOwners: true }, ownerCondition],
    ])(
      'decides gitops.status.read with the option %s',
      async (_, options, decision) => {
        await expect(
          new PortalPermissionPolicy(options).handle(
            { permission: gitopsRead },
            user,
          ),
        ).resolves.toEqual(decision);
      },
    );

    it('leaves other reads allowed when true', async () => {
      await expect(
        new PortalPermissionPolicy({ restrictStatusToOwners: true }).handle(
          { permission: catalogRead },
          user,
        ),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    });
  });
});
