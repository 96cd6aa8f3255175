import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createTestDatabases } from './__testUtils__/testDatabases';

const CATALOG_INFO = resolve(__dirname, '../../../catalog-info.yaml');

const databases = createTestDatabases();

// The catalog as packages/backend wires it (with the scaffolder entity model) on a real database, reading the
// repository's own catalog-info.yaml: every entity it and its Locations name must be ingested.
describe.each(databases.eachSupportedId())('catalog on %s', databaseId => {
  let baseUrl: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Group',
                    'User',
                    'Location',
                    'Template',
                  ],
                },
              ],
              locations: [{ type: 'file', target: CATALOG_INFO }],
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/catalog`;
    stop = () => backend.stop();
  });

  afterAll(() => stop());

  async function entityNames(kind: string): Promise<string[]> {
    const response = await fetch(
      `${baseUrl}/entities/by-query?filter=kind=${kind}`,
      { headers: { authorization: mockCredentials.service.header() } },
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    return body.items
      .map((e: { metadata: { name: string } }) => e.metadata.name)
      .sort();
  }

  async function eventually<T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
  ): Promise<T> {
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      await new Promise(r => setTimeout(r, 250));
    }
  }

  it.each([
    [
      'component',
      [
        'gitops-portal-backend',
        'kube-emulator',
        'github-emulator',
        'payments-api',
        'ml-features',
      ],
    ],
    [
      'group',
      [
        'gitops-portal-maintainers',
        'payments',
        'checkout',
        'search',
        'data',
        'platform',
      ],
    ],
    [
      'location',
      ['gitops-portal-templates', 'gitops-sandbox-demo', 'gitops-golden-paths'],
    ],
    ['system', ['gitops-portal', 'payments-system']],
  ])('ingests the %s entities', async (kind, expected) => {
    const names = await eventually(
      () => entityNames(kind),
      found => expected.every(name => found.includes(name)),
    );
    expect(names).toEqual(expect.arrayContaining(expected));
  });
});
