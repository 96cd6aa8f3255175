import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { gitopsPlugin } from './plugin';

describe('gitopsPlugin with gitops.sharding.enabled', () => {
  it('fails to start on SQLite, naming PostgreSQL', async () => {
    await expect(
      startTestBackend({
        features: [
          gitopsPlugin,
          catalogServiceMock.factory({ entities: [] }),
          createServiceFactory({
            service: signalsServiceRef,
            deps: {},
            factory: () => ({ publish: async () => {} }),
          }),
          mockServices.rootConfig.factory({
            data: { gitops: { clusters: [], sharding: { enabled: true } } },
          }),
        ],
      }),
    ).rejects.toThrow(/gitops.sharding.enabled needs PostgreSQL/);
  });
});
