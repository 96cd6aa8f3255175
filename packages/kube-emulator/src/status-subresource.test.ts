import { AppsV1Api } from '@kubernetes/client-node';
import {
  APP,
  Harness,
  patchAs,
  startHarnessWithApplication,
} from './__testUtils__/harness';

describe('status subresource', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarnessWithApplication();
  });
  afterEach(() => h.emulator.close());

  const stored = () =>
    h.cluster.get('argoproj.io/v1alpha1', 'Application', 'app', 'default')!;

  describe('on an Application', () => {
    it('ignores status changes sent to the main resource', async () => {
      await h.custom.patchNamespacedCustomObject(
        {
          ...APP,
          name: 'app',
          body: {
            spec: { project: 'p2' },
            status: { health: { status: 'Degraded' } },
          },
        },
        patchAs('merge'),
      );
      expect(stored()).toMatchObject({
        spec: { project: 'p2' },
        status: { health: { status: 'Healthy' } },
      });
    });

    it('writes only .status through /status', async () => {
      await h.custom.patchNamespacedCustomObjectStatus(
        {
          ...APP,
          name: 'app',
          body: {
            spec: { project: 'ignored' },
            status: { health: { status: 'Degraded' } },
          },
        },
        patchAs('merge'),
      );
      expect(stored()).toMatchObject({
        spec: { project: 'default' },
        status: { health: { status: 'Degraded' } },
      });
    });

    it('does not bump generation for a status write', async () => {
      const updated = await h.custom.replaceNamespacedCustomObjectStatus({
        ...APP,
        name: 'app',
        body: { ...stored(), status: { sync: { status: 'Synced' } } },
      });
      expect(updated.metadata.generation).toBe(1);
      expect(updated.status).toEqual({ sync: { status: 'Synced' } });
    });

    it('drops the status sent with a create, like the real server', async () => {
      const created = await h.custom.createNamespacedCustomObject({
        ...APP,
        body: {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          metadata: { name: 'fresh' },
          status: { health: { status: 'Healthy' } },
        },
      });
      expect(created.status).toBeUndefined();
    });

    it('serves GET /status', async () => {
      const read = await h.custom.getNamespacedCustomObjectStatus({
        ...APP,
        name: 'app',
      });
      expect(read.status).toEqual({ health: { status: 'Healthy' } });
    });
  });

  describe('on a Deployment', () => {
    beforeEach(() => {
      h.cluster.apply({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { replicas: 2 },
        status: { readyReplicas: 1 },
      });
    });
    const apps = () => h.kc.makeApiClient(AppsV1Api);
    const deployment = () => h.cluster.get('apps/v1', 'Deployment', 'web')!;

    it('writes only .status through /status', async () => {
      await apps().patchNamespacedDeploymentStatus(
        {
          name: 'web',
          namespace: 'default',
          body: { spec: { replicas: 9 }, status: { readyReplicas: 2 } },
        },
        patchAs('merge'),
      );
      expect(deployment()).toMatchObject({
        spec: { replicas: 2 },
        status: { readyReplicas: 2 },
      });
    });

    it('ignores .status in a replace of the main resource', async () => {
      const current = await apps().readNamespacedDeployment({
        name: 'web',
        namespace: 'default',
      });
      current.spec!.replicas = 3;
      current.status = { readyReplicas: 5 };
      await apps().replaceNamespacedDeployment({
        name: 'web',
        namespace: 'default',
        body: current,
      });
      expect(deployment()).toMatchObject({
        spec: { replicas: 3 },
        status: { readyReplicas: 1 },
      });
    });
  });
});
