import {
  AuthService,
  BackstageUserPrincipal,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { registerGitopsPermissions } from '../registerGitopsPermissions';

/** A component as the catalog serves it, with the `ownedBy` relation the catalog derives from `spec.owner`. */
export function component(name: string, owner?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', ...(owner && { owner }) },
    relations: owner
      ? [{ type: 'ownedBy', targetRef: `group:default/${owner}` }]
      : [],
  };
}

/** shop belongs to team-a, ledger to team-b, orphan to nobody. */
export const catalogEntities = [
  component('shop', 'team-a'),
  component('ledger', 'team-b'),
  component('orphan'),
];

/** alice is in team-a, bob in team-b; anyone else (the guest) owns only themselves. */
export const ownershipByUser: Record<string, string[]> = {
  'user:default/alice': ['user:default/alice', 'group:default/team-a'],
  'user:default/bob': ['user:default/bob', 'group:default/team-b'],
};

/** The sign-in's ownership refs, as the auth backend would resolve them from group membership. */
export const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
      return {
        userEntityRef,
        ownershipEntityRefs: ownershipByUser[userEntityRef] ?? [userEntityRef],
      };
    },
  }),
});

/**
 * The mock auth service, except that a token issued on behalf of a user names the issuing plugin as its actor, as
 * the real one does: a plugin's `apply-conditions` endpoint refuses user tokens without an actor, so with the plain
 * mock the permission backend could not reach it.
 */
export const authFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => auth.authenticate(token, options),
      getNoneCredentials: () => auth.getNoneCredentials(),
      getOwnServiceCredentials: () => auth.getOwnServiceCredentials(),
      isPrincipal: auth.isPrincipal.bind(auth) as AuthService['isPrincipal'],
      getLimitedUserToken: credentials => auth.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => auth.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        if (!auth.isPrincipal(options.onBehalfOf, 'user')) {
          return auth.getPluginRequestToken(options);
        }
        return {
          token: mockCredentials.user.token(
            options.onBehalfOf.principal.userEntityRef,
            { actor: { subject: `plugin:${plugin.getId()}` } },
          ),
        };
      },
    };
  },
});

/** The GitOps plugin's permission wiring alone (pluginId `gitops`): what `plugin.ts` calls, without the reconciler. */
export const gitopsPermissionsOnlyPlugin = createBackendPlugin({
  pluginId: 'gitops',
  register(env) {
    env.registerInit({
      deps: {
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init(deps) {
        registerGitopsPermissions(deps);
      },
    });
  },
});

export const catalogFactory = catalogServiceMock.factory({
  entities: catalogEntities,
});
