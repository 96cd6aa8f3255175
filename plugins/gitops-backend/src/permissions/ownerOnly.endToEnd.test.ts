import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  gitopsChangePermission,
  gitopsDecommissionPermission,
  gitopsPromotePermission,
  gitopsRollbackPermission,
  gitopsStatusReadPermission,
} from '@gitops-portal/plugin-gitops-common';
import request from 'supertest';
import {
  authFactory,
  catalogFactory,
  gitopsPermissionsOnlyPlugin,
  userInfoFactory,
} from './__testUtils__/permissionsTestBackend';
import { permissionModuleGitopsPolicy } from './permissionModuleGitopsPolicy';

/**
 * The real permission backend with the shipped policy module: its conditional decisions (pluginId `gitops`) are
 * applied by the GitOps plugin's registered rules, reading entities through the catalog. No catalog plugin runs,
 * so no other plugin could answer them.
 */
async function startPermissionBackend(restrictStatusToOwners: boolean) {
  return startTestBackend({
    features: [
      permissionPlugin,
      permissionModuleGitopsPolicy,
      gitopsPermissionsOnlyPlugin,
      catalogFactory,
      userInfoFactory,
      authFactory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          gitops: { permissions: { restrictStatusToOwners } },
        },
      }),
    ],
  });
}

type Backend = Awaited<ReturnType<typeof startPermissionBackend>>;

/** What the frontend's usePermission and the backend's permissions service ask: one permission on one entity. */
async function authorize(
  backend: Backend,
  user: string,
  permission:
    | ResourcePermission
    | { type: 'basic'; name: string; attributes: object },
  resourceRef: string,
) {
  const res = await request(backend.server)
    .post('/api/permission/authorize')
    .set('authorization', mockCredentials.user.header(user))
    .send({ items: [{ id: '1', permission, resourceRef }] });
  expect(res.status).toBe(200);
  return res.body.items[0].result;
}

const alice = 'user:default/alice';
const bob = 'user:default/bob';
const guest = 'user:development/guest';

describe('owner-only GitOps writes through the permission backend', () => {
  let backend: Backend;

  beforeAll(async () => {
    backend = await startPermissionBackend(false);
  });

  afterAll(() => backend.stop());

  it.each([
    {
      result: 'ALLOW',
      permission: gitopsPromotePermission,
      user: alice,
      entity: 'shop',
    },
    {
      result: 'ALLOW',
      permission: gitopsRollbackPermission,
      user: alice,
      entity: 'shop',
    },
    {
      result: 'ALLOW',
      permission: gitopsDecommissionPermission,
      user: alice,
      entity: 'shop',
    },
    {
      result: 'ALLOW',
      permission: gitopsChangePermission,
      user: alice,
      entity: 'shop',
    },
    {
      result: 'DENY',
      permission: gitopsPromotePermission,
      user: bob,
      entity: 'shop',
    },
    {
      result: 'DENY',
      permission: gitopsPromotePermission,
      user: guest,
      entity: 'shop',
    },
    {
      result: 'DENY',
      permission: gitopsPromotePermission,
      user: alice,
      entity: 'orphan',
    },
    {
      result: 'DENY',
      permission: gitopsPromotePermission,
      user: alice,
      entity: 'gone',
    },
  ])(
    '$result: $permission.name by $user on $entity',
    async ({ result, permission, user, entity }) => {
      await expect(
        authorize(backend, user, permission, `component:default/${entity}`),
      ).resolves.toBe(result);
    },
  );

  it.each([
    ['its owner', alice, 'shop'],
    ['another team', bob, 'shop'],
    ['the guest', guest, 'shop'],
  ])('allows the status to %s', async (_, user, name) => {
    await expect(
      authorize(
        backend,
        user,
        gitopsStatusReadPermission,
        `component:default/${name}`,
      ),
    ).resolves.toBe('ALLOW');
  });

  it('leaves other plugins’ permissions to the rest of the policy', async () => {
    const catalogDelete = {
      type: 'resource' as const,
      name: 'catalog.entity.delete',
      attributes: { action: 'delete' as const },
      resourceType: 'catalog-entity',
    };
    await expect(
      authorize(backend, guest, catalogDelete, 'component:default/shop'),
    ).resolves.toBe('ALLOW');
  });
});

describe('gitops.permissions.restrictStatusToOwners: true', () => {
  let backend: Backend;

  beforeAll(async () => {
    backend = await startPermissionBackend(true);
  });

  afterAll(() => backend.stop());

  it.each([
    ['allows', alice, 'shop', 'ALLOW'],
    ['denies', bob, 'shop', 'DENY'],
    ['denies', guest, 'shop', 'DENY'],
  ])('%s the status to %s on %s', async (_, user, name, result) => {
    await expect(
      authorize(
        backend,
        user,
        gitopsStatusReadPermission,
        `component:default/${name}`,
      ),
    ).resolves.toBe(result);
  });
});
