import { mockCredentials } from '@backstage/backend-test-utils';
import { gitopsPermissions } from '@gitops-portal/plugin-gitops-common';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { startBackend } from '../__testUtils__/backend';
import { startClusters } from '../__testUtils__/clusters';

// The real plugin, so a plugin.ts that stops calling registerGitopsPermissions fails here.
describe('gitops backend permission registration', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    started = await startBackend(emulator);
  });

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
  });

  it('lists the GitOps permissions and rules in the plugin metadata', async () => {
    const res = await request(started.server)
      .get('/api/gitops/.well-known/backstage/permissions/metadata')
      .set('authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.permissions).toEqual(gitopsPermissions);
    expect(res.body.rules.map((rule: { name: string }) => rule.name)).toEqual([
      'IS_ENTITY_OWNER',
      'IS_ENTITY_KIND',
    ]);
  });
});
