import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * The demo org of the authorization tests: `web` belongs to Payments; Alice
 * is in Payments, Bob in Checkout, and the guest in no team.
 */
export const OWNER_GROUP = 'group:default/payments';
export const USERS = {
  owner: 'user:default/alice',
  otherTeam: 'user:default/bob',
  guest: 'user:default/guest',
} as const;
const MEMBERS: Record<string, string[]> = {
  [USERS.owner]: [OWNER_GROUP],
  [USERS.otherTeam]: ['group:default/checkout'],
  [USERS.guest]: [],
};
const OWNERS: Record<string, string> = {
  'component:default/web': OWNER_GROUP,
};

/** The initiator credentials of a user, as `ctx.getInitiatorCredentials` returns them. */
export const initiator = (userEntityRef: string) => async () =>
  mockCredentials.user(userEntityRef);

/**
 * A PermissionsService that allows a resource permission to the members of
 * the group owning the entity, and denies everything else: the decision a
 * portal's ownership policy makes, without a permission backend.
 */
export function ownershipPermissions(): PermissionsService & {
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    async authorize(requests, { credentials }) {
      const { principal } = credentials as BackstageCredentials<
        Partial<BackstageUserPrincipal>
      >;
      const user = principal.userEntityRef ?? '';
      return requests.map(request => {
        const resourceRef =
          'resourceRef' in request ? request.resourceRef : undefined;
        asked.push(`${request.permission.name} ${resourceRef}`);
        const owner = resourceRef ? OWNERS[resourceRef] : undefined;
        const allowed = !!owner && (MEMBERS[user] ?? []).includes(owner);
        return {
          result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      });
    },
    async authorizeConditional() {
      throw new Error('The gitops actions make definitive decisions only');
    },
  };
}
