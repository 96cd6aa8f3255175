import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { seed, startBackend } from './__testUtils__/backend';
import { startClusters } from './__testUtils__/clusters';

describe('gitops backend permissions', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    seed(emulator);
    started = await startBackend(emulator, {
      permission: AuthorizeResult.DENY,
    });
  });

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
  });

  it.each([
    ['entity status', '/entities/component/default/shop/status'],
    ['entity history', '/entities/component/default/shop/history'],
    ['entity previews', '/entities/component/default/shop/previews'],
    ['entity layout', '/entities/component/default/shop/layout'],
  ])(
    'answers 403 to %s when gitops.status.read is denied',
    async (_name, path) => {
      const res = await request(started.server).get(`/api/gitops${path}`);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
    },
  );

  it('leaves denied entities out of the overview', async () => {
    const res = await request(started.server).get('/api/gitops/overview');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: 0 });
  });

  it('leaves denied entities out of a team', async () => {
    const res = await request(started.server).get(
      '/api/gitops/teams/default/team-a/status',
    );
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
  });
});
