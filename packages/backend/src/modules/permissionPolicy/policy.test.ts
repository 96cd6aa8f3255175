import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { gitopsPermissionRules } from '@gitops-portal/plugin-gitops-backend';
import {
  gitopsClusterRequestPermission,
  gitopsPromotePermission,
  gitopsRollbackPermission,
  gitopsStatusReadPermission,
} from '@gitops-portal/plugin-gitops-common';
import { PortalPermissionPolicy } from './policy';

function userOf(
  userEntityRef: string,
  ownershipEntityRefs = [userEntityRef],
): PolicyQueryUser {
  return {
    credentials: {},
    info: { userEntityRef, ownershipEntityRefs },
  } as unknown as PolicyQueryUser;
}

const alice = userOf('user:default/alice', [
  'user:default/alice',
  'group:default/team-a',
]);
const bob = userOf('user:default/bob', [
  'user:default/bob',
  'group:default/team-b',
]);
const guest = userOf('user:development/guest');

/** team-a's service, as the catalog serves it. */
const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'team-a' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};

/**
 * Applies a decision to shop as the GitOps backend does for the permission backend (with the rules it registers;
 * the HTTP round trip is tested in plugins/gitops-backend).
 */
const appliedToShop = createConditionAuthorizer<Entity>({
  getRuleByName(name) {
    const rule = Object.values(gitopsPermissionRules).find(
      r => r.name === name,
    );
    if (!rule) throw new Error(`No GitOps rule ${name}`);
    return rule;
  },
});

async function decide(
  policy: PortalPermissionPolicy,
  permission: Permission,
  user?: PolicyQueryUser,
) {
  const decision = await policy.handle({ permission }, user);
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    // Conditions on GitOps permissions are sent to the GitOps backend, which registers the rules.
    expect(decision.pluginId).toBe('gitops');
  }
  return appliedToShop(decision, shop) ? 'ALLOW' : 'DENY';
}

const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const catalogDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});
const scaffolderRun = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});

describe('PortalPermissionPolicy', () => {
  const policy = new PortalPermissionPolicy();

  it.each(
    [gitopsPromotePermission, gitopsRollbackPermission].flatMap(permission => [
      { permission, who: 'its owner (team-a)', user: alice, result: 'ALLOW' },
      { permission, who: 'another team', user: bob, result: 'DENY' },
      { permission, who: 'the guest', user: guest, result: 'DENY' },
    ]),
  )(
    '$result: $permission.name on shop by $who',
    async ({ permission, user, result }) => {
      await expect(decide(policy, permission, user)).resolves.toBe(result);
    },
  );

  it('denies a GitOps write that is not on an entity', async () => {
    const permission = createPermission({
      name: 'gitops.cluster.write',
      attributes: { action: 'update' },
    });
    await expect(decide(policy, permission, alice)).resolves.toBe('DENY');
  });

  it.each([
    ['a read', catalogRead],
    ['a scaffolder run', scaffolderRun],
    ['a catalog delete', catalogDelete],
    ['a cluster request (no entity yet)', gitopsClusterRequestPermission],
  ])('allows %s by any signed-in user', async (_, permission) => {
    await expect(policy.handle({ permission }, guest)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it.each([
    ['a read', catalogRead],
    ['a scaffolder run', scaffolderRun],
    ['a GitOps status read', gitopsStatusReadPermission],
    ['a cluster request', gitopsClusterRequestPermission],
  ])('denies %s without a signed-in user', async (_, permission) => {
    await expect(policy.handle({ permission })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  describe('gitops.permissions.restrictStatusToOwners', () => {
    it.each([
      {
        option: 'unset',
        options: {},
        who: 'another team',
        user: bob,
        result: 'ALLOW',
      },
      {
        option: 'false',
        options: { restrictStatusToOwners: false },
        who: 'another team',
        user: bob,
        result: 'ALLOW',
      },
      {
        option: 'true',
        options: { restrictStatusToOwners: true },
        who: 'another team',
        user: bob,
        result: 'DENY',
      },
      {
        option: 'true',
        options: { restrictStatusToOwners: true },
        who: 'its owner',
        user: alice,
        result: 'ALLOW',
      },
    ])(
      '$result: gitops.status.read on shop by $who with the option $option',
      async ({ options, user, result }) => {
        await expect(
          decide(
            new PortalPermissionPolicy(options),
            gitopsStatusReadPermission,
            user,
          ),
        ).resolves.toBe(result);
      },
    );

    it('leaves other reads allowed when true', async () => {
      await expect(
        new PortalPermissionPolicy({ restrictStatusToOwners: true }).handle(
          { permission: catalogRead },
          bob,
        ),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    });
  });
});
