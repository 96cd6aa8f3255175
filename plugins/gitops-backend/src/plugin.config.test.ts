import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { gitopsPlugin } from './plugin';

/** Starts the plugin with `gitops.sharding` as given (no clusters) and returns every warning it logged. */
async function startupWarnings(sharding: Record<string, boolean>) {
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const backend = await startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({ entities: [] }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: async () => {} }),
      }),
      createServiceFactory({
        service: coreServices.logger,
        deps: {},
        factory: () => logger,
      }),
      mockServices.rootConfig.factory({ data: { gitops: { sharding } } }),
    ],
  });
  await backend.stop();
  return logger.warn.mock.calls.map(([message]) => String(message));
}

describe('gitops plugin start-up', () => {
  it('warns once about gitops.sharding.teamReadModel, naming its new key', async () => {
    const warnings = await startupWarnings({ teamReadModel: false });
    const deprecations = warnings.filter(text => text.includes('deprecated'));
    expect(deprecations).toHaveLength(1);
    expect(deprecations[0]).toContain('gitops.sharding.teamReadModel');
    expect(deprecations[0]).toContain('gitops.sharding.teamView');
  });

  it('warns about nothing deprecated with gitops.sharding.teamView', async () => {
    const warnings = await startupWarnings({ teamView: false });
    expect(warnings.filter(text => text.includes('deprecated'))).toEqual([]);
  });
});
