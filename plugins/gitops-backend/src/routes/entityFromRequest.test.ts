import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { gitopsPromotePermission } from '@gitops-portal/plugin-gitops-common';
import { Request } from 'express';
import { component } from '../__testUtils__/fixtures';
import { PermissionGuard } from '../permissionGuard';
import { createEntityFromRequest } from './entityFromRequest';

const ID = 'backstage.io/kubernetes-id';

/** shop: in the catalog and the index; cart: catalog only (registered since the index loaded); ghost: index only. */
function setup(denied: string[] = []) {
  const onUnknownEntity = jest.fn(async () => {});
  const authorized: Array<[string, string]> = [];
  const guard: PermissionGuard = {
    async authorizeEntity(_req, entityRef, permission) {
      authorized.push([entityRef, permission?.name ?? 'gitops.status.read']);
      if (denied.includes(entityRef)) throw new NotAllowedError('denied');
    },
    filterAuthorized: async () => new Set(),
    mayReadUnowned: async () => false,
    requireSignedIn: async () => {},
  };
  const known = new Set(['component:default/shop', 'component:default/ghost']);
  const entityFromRequest = createEntityFromRequest({
    statusStore: { knowsEntity: ref => known.has(ref) },
    guard,
    catalog: catalogServiceMock({
      entities: [
        component('shop', 'team-a', { [ID]: 'shop-service' }),
        component('cart', 'team-a'),
      ],
    }),
    httpAuth: mockServices.httpAuth(),
    onUnknownEntity,
  });
  return { entityFromRequest, onUnknownEntity, authorized };
}

const request = (name: string) =>
  ({
    params: { kind: 'component', namespace: 'default', name },
    headers: {},
  } as unknown as Request);

describe('entityFromRequest', () => {
  it.each([
    ['an entity the index knows', 'shop'],
    ['an entity the index does not know yet but the catalog has', 'cart'],
    ['an entity only the index knows (status reads skip the catalog)', 'ghost'],
  ])('resolves %s', async (_case, name) => {
    const { entityFromRequest, authorized } = setup();
    await expect(entityFromRequest(request(name))).resolves.toEqual({
      entityRef: `component:default/${name}`,
    });
    expect(authorized).toEqual([
      [`component:default/${name}`, 'gitops.status.read'],
    ]);
  });

  it.each([
    ['a malformed path', '', false, InputError],
    [
      'an entity neither the index nor the catalog knows',
      'nope',
      false,
      NotFoundError,
    ],
    [
      'an unknown entity the caller may not read (404 before 403)',
      'nope',
      true,
      NotFoundError,
    ],
    ['an entity the caller may not read', 'shop', true, NotAllowedError],
  ])('refuses %s', async (_case, name, denied, error) => {
    const { entityFromRequest } = setup(
      denied ? [`component:default/${name}`] : [],
    );
    await expect(entityFromRequest(request(name))).rejects.toBeInstanceOf(
      error,
    );
  });

  it.each([
    ['a status read', false],
    ['a route that reads the service', true],
  ])(
    'asks the index to reload for an entity only the catalog knows (%s)',
    async (_case, service) => {
      const { entityFromRequest, onUnknownEntity } = setup();
      const resolve = (name: string) =>
        service
          ? entityFromRequest(request(name), { service })
          : entityFromRequest(request(name));
      await resolve('cart');
      await resolve('shop');
      expect(onUnknownEntity.mock.calls).toEqual([['component:default/cart']]);
    },
  );

  it.each([
    ['the kubernetes-id annotation', 'shop', 'shop-service'],
    ["the entity's name without one", 'cart', 'cart'],
  ])('names the service by %s', async (_case, name, service) => {
    const { entityFromRequest, authorized } = setup();
    await expect(
      entityFromRequest(request(name), {
        permission: gitopsPromotePermission,
        service: true,
      }),
    ).resolves.toEqual({ entityRef: `component:default/${name}`, service });
    expect(authorized).toEqual([
      [`component:default/${name}`, gitopsPromotePermission.name],
    ]);
  });

  it('reads the catalog for the service even of an entity the index knows', async () => {
    const { entityFromRequest } = setup();
    await expect(
      entityFromRequest(request('ghost'), { service: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
