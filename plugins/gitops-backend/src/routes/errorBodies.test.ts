import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { gitopsPlugin } from '../plugin';

/**
 * The backend as NODE_ENV `mode` starts it, with a catalog whose entity lookup fails, so a status request of an
 * entity the index does not know answers 500. Backstage's error handler decides at start-up whether error bodies
 * carry stack traces.
 */
async function failingBackend(mode: string) {
  const catalog = catalogServiceMock({ entities: [] });
  jest
    .spyOn(catalog, 'getEntityByRef')
    .mockRejectedValue(new Error('catalog connection reset'));
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  try {
    const { server } = await startTestBackend({
      features: [
        gitopsPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.rootConfig.factory({ data: { gitops: { clusters: [] } } }),
      ],
    });
    return server;
  } finally {
    process.env.NODE_ENV = previous;
  }
}

const failingRequest = async (mode: string) =>
  request(await failingBackend(mode))
    .get('/api/gitops/entities/component/default/shop/status')
    .set('authorization', mockCredentials.user.header());

describe('error bodies', () => {
  it('carry no stack trace in production', async () => {
    const response = await failingRequest('production');
    expect(response.status).toBe(500);
    expect(response.body.error.message).toBe('catalog connection reset');
    expect(response.body.error.stack).toBeUndefined();
  });

  // The counterpart that shows the check above can fail.
  it('carry the stack trace in development only', async () => {
    const response = await failingRequest('development');
    expect(response.status).toBe(500);
    expect(response.body.error.stack).toContain('catalog connection reset');
  });
});
