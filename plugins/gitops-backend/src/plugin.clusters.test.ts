import {
  coreServices,
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  clustersResponseSchema,
  entityStatusResponseSchema,
} from '@gitops-portal/plugin-gitops-common';
import { EmulatedCluster, KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { CLUSTER_REFRESH_TASK } from './clusters';
import {
  changingCatalog,
  clusterEntity,
} from './clusters/__testUtils__/catalogClusters';
import { CLUSTER_ANNOTATIONS } from './clusters/readCatalogClusters';
import { entities, ID, seed } from './__testUtils__/backend';
import { application, startClusters } from './__testUtils__/clusters';
import {
  asDatabaseService,
  describeOnPostgres,
  POSTGRES_IDS,
} from './__testUtils__/databases';
import { waitFor } from './__testUtils__/waitFor';
import { gitopsPlugin } from './plugin';

/** The plugin with the given root config, over a catalog the test can change. */
async function startWith(
  config: object,
  catalogEntities: Entity[] = [],
  services: ServiceFactory[] = [],
) {
  const catalog = changingCatalog([...entities, ...catalogEntities]);
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  // Backstage's test scheduler (MockSchedulerService, whose type the package does not export) runs each task once
  // at start-up, then when the test triggers it.
  const scheduler = mockServices.scheduler() as unknown as {
    factory(): ServiceFactory;
    triggerTask(id: string): Promise<void>;
  };
  const backend = await startTestBackend({
    features: [
      gitopsPlugin,
      scheduler.factory(),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog.catalog,
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: async () => {} }),
      }),
      mockServices.rootConfig.factory({ data: config }),
      createServiceFactory({
        service: coreServices.logger,
        deps: {},
        factory: () => logger,
      }),
      ...services,
    ],
  });
  const get = async (path: string) =>
    request(backend.server).get(`/api/gitops${path}`);
  const clusters = async () =>
    clustersResponseSchema
      .parse((await get('/clusters')).body)
      .items.map(c => [c.name, c.environment, c.state]);
  const shopClusters = async () =>
    entityStatusResponseSchema
      .parse((await get('/entities/component/default/shop/status')).body)
      .objects.map(object => object.cluster);
  const refreshClusters = () => scheduler.triggerTask(CLUSTER_REFRESH_TASK);
  const warnings = () => logger.warn.mock.calls.map(([text]) => String(text));
  return {
    backend,
    catalog,
    clusters,
    shopClusters,
    refreshClusters,
    warnings,
  };
}

/** The catalog's entity for an emulated cluster. */
function catalogClusterEntity(cluster: EmulatedCluster) {
  // The emulator speaks http, which the Kubernetes client only allows with TLS verification skipped.
  return clusterEntity(cluster.name, {
    [CLUSTER_ANNOTATIONS.apiServer]: cluster.url,
    [CLUSTER_ANNOTATIONS.skipTlsVerify]: 'true',
  });
}

/** A catalog locator that lets the emulator's http://127.0.0.1 through, and the cluster's token in app-config. */
function catalogClusterConfig(cluster: EmulatedCluster) {
  return {
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'catalog',
          dangerouslyAllowClusterUrls: ['127.0.0.1'],
          dangerouslyAllowSkipTLSVerify: true,
        },
      ],
    },
    gitops: {
      // The entity's authProvider (oidc) needs a user: app-config supplies a read-only token instead.
      clusters: [
        {
          name: cluster.name,
          serviceAccountToken: cluster.token,
          environment: cluster.name,
        },
      ],
      staleAfter: '1h',
    },
  };
}

describe('gitops backend with the Kubernetes plugin cluster config', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startWith>> | undefined;

  beforeAll(async () => {
    emulator = await startClusters(['dev', 'staging']);
    seed(emulator);
    emulator
      .cluster('staging')
      .apply([application('shop', {}, { [ID]: 'shop' })]);
  });

  afterEach(async () => {
    await started?.backend.stop();
    started = undefined;
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it('serves status from a cluster named only in kubernetes.clusterLocatorMethods (type config)', async () => {
    const dev = emulator.cluster('dev');
    started = await startWith({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'dev',
                url: dev.url,
                authProvider: 'serviceAccount',
                serviceAccountToken: dev.token,
                skipTLSVerify: true,
              },
            ],
          },
        ],
      },
      gitops: { clusterEnvironments: { dev: 'development' }, staleAfter: '1h' },
    });
    const { clusters, shopClusters } = started;
    await waitFor('shop read from dev', async () =>
      (await shopClusters()).includes('dev'),
    );
    expect(await clusters()).toEqual([['dev', 'development', 'ok']]);
  });

  it('watches catalog clusters as they are registered and stops when they are removed', async () => {
    const staging = emulator.cluster('staging');
    const entity = catalogClusterEntity(staging);
    started = await startWith(catalogClusterConfig(staging), [entity]);
    const { catalog, clusters, shopClusters, refreshClusters } = started;
    await waitFor('staging found in the catalog and read', async () =>
      (await shopClusters()).includes('staging'),
    );
    expect(await clusters()).toEqual([['staging', 'staging', 'ok']]);

    catalog.set(entities);
    await refreshClusters();
    await waitFor('staging dropped', async () =>
      (await clusters()).length === 0 ? true : undefined,
    );
    expect(await shopClusters()).toEqual([]);

    catalog.set([...entities, entity]);
    await refreshClusters();
    await waitFor('staging registered again and read', async () =>
      (await shopClusters()).includes('staging'),
    );
  });
});

const databases = TestDatabases.create({
  ids: POSTGRES_IDS,
  disableDocker: true,
});

describeOnPostgres(databases)(
  'gitops backend with catalog clusters and sharding on %s',
  (databaseId: TestDatabaseId) => {
    let emulator: KubeEmulator;
    let started: Awaited<ReturnType<typeof startWith>> | undefined;

    beforeAll(async () => {
      emulator = await startClusters(['staging']);
      emulator
        .cluster('staging')
        .apply([application('shop', {}, { [ID]: 'shop' })]);
    });

    afterAll(async () => {
      await started?.backend.stop();
      await emulator?.close();
    });

    it('reads the catalog clusters once at start-up, saying so', async () => {
      const knex = await databases.init(databaseId);
      const staging = emulator.cluster('staging');
      started = await startWith(
        {
          ...catalogClusterConfig(staging),
          gitops: {
            ...catalogClusterConfig(staging).gitops,
            sharding: { enabled: true, leaseDuration: '3s' },
          },
        },
        [catalogClusterEntity(staging)],
        [
          createServiceFactory({
            service: coreServices.database,
            deps: {},
            factory: () => asDatabaseService(knex),
          }),
        ],
      );
      await waitFor('staging watched by the sharded replica', async () =>
        (await started!.shopClusters()).includes('staging'),
      );
      expect(
        started
          .warnings()
          .filter(text => text.includes('read once at start-up')),
      ).toHaveLength(1);
    });
  },
);
