import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { ID, seed, startBackend } from './__testUtils__/backend';
import { application, startClusters } from './__testUtils__/clusters';
import { waitFor } from './__testUtils__/waitFor';

describe('gitops backend alerts', () => {
  let emulator: KubeEmulator;
  let started: Awaited<ReturnType<typeof startBackend>>;
  // Backstage's notification service is not ours: a recording double stands in for it.
  const sent: NotificationSendOptions[] = [];

  beforeAll(async () => {
    emulator = await startClusters(['dev']);
    seed(emulator);
    started = await startBackend(emulator, {
      gitops: { alerts: { enabled: true } },
      features: [
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (notification: NotificationSendOptions) => {
              sent.push(notification);
            },
          }),
        }),
      ],
    });
  });

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
  });

  it('notifies the owning team when an object turns Degraded', async () => {
    // Alerts go to the entity's owner: wait until the catalog mapping reached the cache.
    await waitFor('shop mapped', async () => {
      const res = await request(started.server).get(
        '/api/gitops/entities/component/default/shop/status',
      );
      return res.body.objects?.length > 0;
    });
    emulator
      .cluster('dev')
      .apply(application('shop', { health: 'Degraded' }, { [ID]: 'shop' }));
    const notification = await waitFor('the alert', () => sent[0]);
    expect(notification).toEqual({
      recipients: { type: 'entity', entityRef: ['group:default/team-a'] },
      payload: expect.objectContaining({
        title: 'Degraded: Application argocd/shop in dev',
        link: '/catalog/default/component/shop/gitops',
        severity: 'high',
      }),
    });
    expect(sent).toHaveLength(1);
  });
});
