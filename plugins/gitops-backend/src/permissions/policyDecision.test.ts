import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  gitopsChangePermission,
  gitopsDecommissionPermission,
  gitopsPromotePermission,
  gitopsRollbackPermission,
  gitopsStatusReadPermission,
} from '@gitops-portal/plugin-gitops-common';
import {
  gitopsPolicyDecision,
  readGitopsPolicyOptions,
} from './policyDecision';

const claims = ['user:default/alice', 'group:default/team-a'];
const alice = {
  credentials: {},
  info: { userEntityRef: 'user:default/alice', ownershipEntityRefs: claims },
} as unknown as PolicyQueryUser;

const ownersOnly = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'gitops',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims },
  },
};
const allow = { result: AuthorizeResult.ALLOW };
const deny = { result: AuthorizeResult.DENY };

const catalogDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});

describe('gitopsPolicyDecision', () => {
  it.each([
    ['promote', gitopsPromotePermission],
    ['rollback', gitopsRollbackPermission],
    ['decommission', gitopsDecommissionPermission],
    ['change', gitopsChangePermission],
  ])('makes %s conditional on owning the entity', (_, permission) => {
    expect(gitopsPolicyDecision({ permission }, alice)).toEqual(ownersOnly);
  });

  it.each([
    ['unset', {}, allow],
    ['false', { restrictStatusToOwners: false }, allow],
    ['true', { restrictStatusToOwners: true }, ownersOnly],
  ])(
    'decides gitops.status.read with restrictStatusToOwners %s',
    (_, options, decision) => {
      expect(
        gitopsPolicyDecision(
          { permission: gitopsStatusReadPermission },
          alice,
          options,
        ),
      ).toEqual(decision);
    },
  );

  it.each([
    ['denies a GitOps write not on an entity', 'update', deny],
    ['allows a GitOps read not on an entity', 'read', allow],
  ] as const)('%s', (_, action, decision) => {
    const permission = createPermission({
      name: 'gitops.cluster.something',
      attributes: { action },
    });
    expect(gitopsPolicyDecision({ permission }, alice)).toEqual(decision);
  });

  it.each([
    ['promote', gitopsPromotePermission],
    ['status read', gitopsStatusReadPermission],
  ])('denies %s without a signed-in user', (_, permission) => {
    expect(gitopsPolicyDecision({ permission }, undefined)).toEqual(deny);
  });

  it.each([
    ['a signed-in user', alice],
    ['nobody signed in', undefined],
  ])("leaves other plugins' permissions to the caller for %s", (_, user) => {
    expect(
      gitopsPolicyDecision({ permission: catalogDelete }, user, {
        restrictStatusToOwners: true,
      }),
    ).toBeUndefined();
  });
});

describe('readGitopsPolicyOptions', () => {
  it.each([
    ['unset', {}, false],
    [
      'true',
      { gitops: { permissions: { restrictStatusToOwners: true } } },
      true,
    ],
  ])('reads restrictStatusToOwners (%s)', (_, data, expected) => {
    expect(readGitopsPolicyOptions(new ConfigReader(data))).toEqual({
      restrictStatusToOwners: expected,
    });
  });
});
