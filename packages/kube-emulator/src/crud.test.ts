import {
  codeOf,
  Harness,
  startHarness,
  statusOf,
} from './__testUtils__/harness';
import { gitopsCrds } from './crds';

describe('CRUD of built-in resources', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.cluster.apply(gitopsCrds());
  });
  afterEach(() => h.emulator.close());

  describe('namespaced built-ins', () => {
    it('creates and reads a ConfigMap', async () => {
      await h.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'cfg' }, data: { a: '1' } },
      });
      const read = await h.core.readNamespacedConfigMap({
        name: 'cfg',
        namespace: 'default',
      });
      expect(read).toMatchObject({
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: { name: 'cfg', namespace: 'default' },
        data: { a: '1' },
      });
    });

    it('replaces a ConfigMap with PUT', async () => {
      await h.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'cfg' }, data: { a: '1' } },
      });
      await h.core.replaceNamespacedConfigMap({
        name: 'cfg',
        namespace: 'default',
        body: { metadata: { name: 'cfg' }, data: { b: '2' } },
      });
      expect(h.cluster.get('v1', 'ConfigMap', 'cfg', 'default')?.data).toEqual({
        b: '2',
      });
    });

    it('deletes a ConfigMap and answers with a Success Status', async () => {
      await h.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'cfg' } },
      });
      const status = await h.core.deleteNamespacedConfigMap({
        name: 'cfg',
        namespace: 'default',
      });
      expect(status).toMatchObject({
        kind: 'Status',
        status: 'Success',
        details: { name: 'cfg', kind: 'configmaps' },
      });
      expect(
        await codeOf(
          h.core.readNamespacedConfigMap({ name: 'cfg', namespace: 'default' }),
        ),
      ).toBe(404);
    });

    it('answers a second create with 409 AlreadyExists', async () => {
      await h.core.createNamespacedSecret({
        namespace: 'default',
        body: { metadata: { name: 's' } },
      });
      const status = await statusOf(
        h.core.createNamespacedSecret({
          namespace: 'default',
          body: { metadata: { name: 's' } },
        }),
      );
      expect(status).toMatchObject({
        code: 409,
        reason: 'AlreadyExists',
        message: 'secrets "s" already exists',
      });
    });

    it('answers a PUT with a stale resourceVersion with 409 Conflict', async () => {
      const created = await h.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'cfg' } },
      });
      await h.core.replaceNamespacedConfigMap({
        name: 'cfg',
        namespace: 'default',
        body: { ...created, data: { v: '2' } },
      });
      const status = await statusOf(
        h.core.replaceNamespacedConfigMap({
          name: 'cfg',
          namespace: 'default',
          body: { ...created, data: { v: '3' } },
        }),
      );
      expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    });

    it('refuses to create in a namespace that does not exist', async () => {
      const status = await statusOf(
        h.core.createNamespacedConfigMap({
          namespace: 'nowhere',
          body: { metadata: { name: 'c' } },
        }),
      );
      expect(status).toMatchObject({
        code: 404,
        message: 'namespaces "nowhere" not found',
      });
    });

    it('lists a namespaced kind across all namespaces', async () => {
      h.cluster.apply([
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a', namespace: 'team-a' },
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'b', namespace: 'team-b' },
        },
      ]);
      const list = await h.core.listConfigMapForAllNamespaces();
      expect(
        list.items.map(i => `${i.metadata?.namespace}/${i.metadata?.name}`),
      ).toEqual(['team-a/a', 'team-b/b']);
    });

    it('omits apiVersion and kind on items of built-in lists, like kube-apiserver', async () => {
      h.cluster.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'a' },
      });
      const list = await h.core.listNamespacedConfigMap({
        namespace: 'default',
      });
      expect(list.kind).toBe('ConfigMapList');
      expect(list.items[0].kind).toBeUndefined();
    });

    it('generates a name from generateName', async () => {
      const created = await h.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { generateName: 'cfg-' } },
      });
      expect(created.metadata?.name).toMatch(/^cfg-[a-z0-9]{5}$/);
    });
    it('stores nothing for a dryRun=All create', async () => {
      const created = await h.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'dry' } },
        dryRun: 'All',
      });
      expect(created.metadata?.name).toBe('dry');
      expect(h.cluster.get('v1', 'ConfigMap', 'dry')).toBeUndefined();
    });

    it('deletes a collection selected by labels', async () => {
      h.cluster.apply([
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a', labels: { batch: 'x' } },
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'b', labels: { batch: 'x' } },
        },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' } },
      ]);
      await h.core.deleteCollectionNamespacedConfigMap({
        namespace: 'default',
        labelSelector: 'batch=x',
      });
      expect(
        h.cluster.list('v1', 'ConfigMap', 'default').map(c => c.metadata.name),
      ).toEqual(['keep']);
    });
  });

  describe('cluster-scoped resources', () => {
    it('creates, reads and deletes a Namespace', async () => {
      await h.core.createNamespace({ body: { metadata: { name: 'team-x' } } });
      const ns = await h.core.readNamespace({ name: 'team-x' });
      expect(ns.status?.phase).toBe('Active');
      expect(ns.metadata?.namespace).toBeUndefined();
      await h.core.deleteNamespace({ name: 'team-x' });
      expect(await codeOf(h.core.readNamespace({ name: 'team-x' }))).toBe(404);
    });

    it('keeps the kubernetes.io/metadata.name label on namespaces, like the real server', async () => {
      await h.core.createNamespace({ body: { metadata: { name: 'team-y' } } });
      const replaced = await h.core.replaceNamespace({
        name: 'team-y',
        body: { metadata: { name: 'team-y', labels: { owner: 'me' } } },
      });
      expect(replaced.metadata?.labels).toEqual({
        owner: 'me',
        'kubernetes.io/metadata.name': 'team-y',
      });
    });

    it('removes the objects of a deleted namespace', async () => {
      h.cluster.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'a', namespace: 'doomed' },
      });
      await h.core.deleteNamespace({ name: 'doomed' });
      expect(h.cluster.list('v1', 'ConfigMap', 'doomed')).toEqual([]);
    });

    it('creates and lists ClusterRoles', async () => {
      await h.rbac.createClusterRole({
        body: { metadata: { name: 'system:viewer' }, rules: [] },
      });
      const list = await h.rbac.listClusterRole();
      expect(list.items.map(r => r.metadata?.name)).toEqual(['system:viewer']);
    });

    it('serves a cluster-scoped custom resource', async () => {
      const body = {
        apiVersion: 'apiextensions.crossplane.io/v1',
        kind: 'Composition',
        metadata: { name: 'db' },
        spec: {},
      };
      await h.custom.createClusterCustomObject({
        group: 'apiextensions.crossplane.io',
        version: 'v1',
        plural: 'compositions',
        body,
      });
      const read = await h.custom.getClusterCustomObject({
        group: 'apiextensions.crossplane.io',
        version: 'v1',
        plural: 'compositions',
        name: 'db',
      });
      expect(read.metadata).toMatchObject({ name: 'db' });
      expect(read.metadata.namespace).toBeUndefined();
    });
  });
});
