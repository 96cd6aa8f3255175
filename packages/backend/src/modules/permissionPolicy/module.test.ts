import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { gitopsStatusReadPermission } from '@gitops-portal/plugin-gitops-common';
import { AddressInfo } from 'node:net';
import { permissionModulePortalPolicy } from './module';

// Drives the real permission backend over HTTP, so the module's wiring into the policy extension point is tested.
describe('permissionModulePortalPolicy', () => {
  async function authorize(name: string, action: string) {
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModulePortalPolicy,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    const { port } = server.address() as AddressInfo;
    const response = await fetch(
      `http://127.0.0.1:${port}/api/permission/authorize`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify({
          items: [
            {
              id: '1',
              permission: { type: 'basic', name, attributes: { action } },
            },
          ],
        }),
      },
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    await server.close();
    return body.items[0].result;
  }

  it.each([
    ['catalog.entity.read', 'read', 'ALLOW'],
    ['gitops.promote', 'create', 'DENY'],
  ])('decides %s (%s) as %s', async (name, action, expected) => {
    await expect(authorize(name, action)).resolves.toBe(expected);
  });

  // The policy as the module builds it from config, captured at the extension point.
  async function policyFrom(gitops: {
    permissions?: { restrictStatusToOwners?: boolean };
  }) {
    let policy: PermissionPolicy | undefined;
    const backend = await startTestBackend({
      extensionPoints: [
        [
          policyExtensionPoint,
          { setPolicy: (p: PermissionPolicy) => (policy = p) },
        ],
      ],
      features: [
        permissionModulePortalPolicy,
        mockServices.rootConfig.factory({ data: { gitops } }),
      ],
    });
    await backend.stop();
    return policy!;
  }

  it.each([
    ['unset', {}, AuthorizeResult.ALLOW],
    [
      'true',
      { permissions: { restrictStatusToOwners: true } },
      AuthorizeResult.CONDITIONAL,
    ],
  ])(
    'reads gitops.permissions.restrictStatusToOwners (%s) from config',
    async (_, gitops, expected) => {
      const policy = await policyFrom(gitops);
      const decision = await policy.handle(
        { permission: gitopsStatusReadPermission },
        {
          info: {
            userEntityRef: 'user:default/guest',
            ownershipEntityRefs: ['user:default/guest'],
          },
        } as unknown as PolicyQueryUser,
      );
      expect(decision.result).toBe(expected);
    },
  );
});
