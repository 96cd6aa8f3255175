import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { gitopsPermissions } from '@gitops-portal/plugin-gitops-common';
import request from 'supertest';
import {
  catalogFactory,
  gitopsPermissionsOnlyPlugin,
} from './__testUtils__/permissionsTestBackend';

type SerializedRule = {
  name: string;
  resourceType: string;
  paramsSchema?: { properties?: Record<string, unknown> };
};

describe('registerGitopsPermissions', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [gitopsPermissionsOnlyPlugin, catalogFactory],
    });
  });

  afterAll(() => backend.stop());

  const metadata = () =>
    request(backend.server)
      .get('/api/gitops/.well-known/backstage/permissions/metadata')
      .set('authorization', mockCredentials.service.header());

  it('lists the GitOps permissions in the plugin metadata', async () => {
    const res = await metadata();
    expect(res.status).toBe(200);
    expect(res.body.permissions).toEqual(gitopsPermissions);
  });

  it('lists the rules on catalog entities with their parameter schemas', async () => {
    const res = await metadata();
    expect(
      (res.body.rules as SerializedRule[]).map(rule => [
        rule.name,
        rule.resourceType,
        Object.keys(rule.paramsSchema?.properties ?? {}),
      ]),
    ).toEqual([
      ['IS_ENTITY_OWNER', 'catalog-entity', ['claims']],
      ['IS_ENTITY_KIND', 'catalog-entity', ['kinds']],
    ]);
  });

  // What the permission backend sends for a conditional decision: the entities are read through the catalog.
  it.each([
    ['an entity of the claimed team', 'component:default/shop', 'ALLOW'],
    ["another team's entity", 'component:default/ledger', 'DENY'],
    ['an entity without owner', 'component:default/orphan', 'DENY'],
    ['an entity missing from the catalog', 'component:default/gone', 'DENY'],
  ])('applies isEntityOwner to %s', async (_, resourceRef, result) => {
    const res = await request(backend.server)
      .post('/api/gitops/.well-known/backstage/permissions/apply-conditions')
      .set('authorization', mockCredentials.service.header())
      .send({
        items: [
          {
            id: '1',
            resourceRef,
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: ['group:default/team-a'] },
            },
          },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ id: '1', result }]);
  });
});
