import {
  codeOf,
  Harness,
  patchAs,
  startHarness,
} from './__testUtils__/harness';
import { gitopsCrds } from './crds';

const APP = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  plural: 'applications',
};

function app(
  name: string,
  spec: Record<string, unknown> = { project: 'default' },
) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name },
    spec,
  };
}

describe('CRUD of custom resources', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.cluster.apply(gitopsCrds());
  });
  afterEach(() => h.emulator.close());

  describe('custom resources', () => {
    it('creates, gets, replaces and deletes an Application', async () => {
      await h.custom.createNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        body: app('guestbook'),
      });
      const read = await h.custom.getNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        name: 'guestbook',
      });
      await h.custom.replaceNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        name: 'guestbook',
        body: { ...read, spec: { project: 'other' } },
      });
      expect(
        h.cluster.get(
          'argoproj.io/v1alpha1',
          'Application',
          'guestbook',
          'default',
        )?.spec,
      ).toEqual({ project: 'other' });
      const deleted = await h.custom.deleteNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        name: 'guestbook',
      });
      expect(deleted).toMatchObject({
        kind: 'Application',
        metadata: { name: 'guestbook' },
      });
      expect(
        h.cluster.get(
          'argoproj.io/v1alpha1',
          'Application',
          'guestbook',
          'default',
        ),
      ).toBeUndefined();
    });

    it('keeps list items of custom resources complete with apiVersion and kind', async () => {
      h.cluster.apply(app('guestbook'));
      const list = await h.custom.listNamespacedCustomObject({
        ...APP,
        namespace: 'default',
      });
      expect(list.items[0]).toMatchObject({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
      });
    });

    it('rejects a body whose kind does not match the path with 400', async () => {
      const body = { ...app('x'), kind: 'AppProject' };
      expect(
        await codeOf(
          h.custom.createNamespacedCustomObject({
            ...APP,
            namespace: 'default',
            body,
          }),
        ),
      ).toBe(400);
    });

    it('keeps an object with finalizers until they are removed', async () => {
      h.cluster.apply({
        ...app('held'),
        metadata: {
          name: 'held',
          namespace: 'default',
          finalizers: ['example.com/wait'],
        },
      });
      const marked = await h.custom.deleteNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        name: 'held',
      });
      expect(marked.metadata.deletionTimestamp).toEqual(expect.any(String));
      await h.custom.patchNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        name: 'held',
        body: [{ op: 'remove', path: '/metadata/finalizers' }],
      });
      expect(
        h.cluster.get('argoproj.io/v1alpha1', 'Application', 'held', 'default'),
      ).toBeUndefined();
    });
  });

  describe('metadata the server maintains', () => {
    it('sets uid, resourceVersion, generation 1 and an RFC3339 creationTimestamp on create', async () => {
      const created = await h.custom.createNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        body: app('a'),
      });
      expect(created.metadata).toMatchObject({
        uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        resourceVersion: expect.stringMatching(/^\d+$/),
        generation: 1,
        creationTimestamp: expect.stringMatching(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
        ),
        namespace: 'default',
      });
    });

    it('increases the resourceVersion on every change, across kinds', async () => {
      const a = await h.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'a' } },
      });
      const b = await h.custom.createNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        body: app('b'),
      });
      const a2 = await h.core.replaceNamespacedConfigMap({
        name: 'a',
        namespace: 'default',
        body: { ...a, data: { x: 'y' } },
      });
      const rvs = [
        a.metadata!.resourceVersion,
        b.metadata.resourceVersion,
        a2.metadata!.resourceVersion,
      ].map(Number);
      expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
      expect(new Set(rvs).size).toBe(3);
    });

    it.each([
      ['spec change', { spec: { project: 'changed' } }, 2],
      ['label change', { metadata: { labels: { team: 'x' } } }, 1],
      ['annotation change', { metadata: { annotations: { note: 'x' } } }, 1],
    ])(
      'bumps generation only for changes outside metadata/status (%s)',
      async (_case, patch, generation) => {
        h.cluster.apply(app('a'));
        const patched = await h.custom.patchNamespacedCustomObject(
          { ...APP, namespace: 'default', name: 'a', body: patch },
          patchAs('merge'),
        );
        expect(patched.metadata.generation).toBe(generation);
      },
    );

    it('keeps uid and creationTimestamp across updates', async () => {
      const created = await h.custom.createNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        body: app('a'),
      });
      const updated = await h.custom.replaceNamespacedCustomObject({
        ...APP,
        namespace: 'default',
        name: 'a',
        body: { ...created, spec: { project: 'b' } },
      });
      expect(updated.metadata.uid).toBe(created.metadata.uid);
      expect(updated.metadata.creationTimestamp).toBe(
        created.metadata.creationTimestamp,
      );
    });

    it('does not bump the resourceVersion for a no-op update', async () => {
      const created = await h.core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'a' }, data: { k: 'v' } },
      });
      const same = await h.core.replaceNamespacedConfigMap({
        name: 'a',
        namespace: 'default',
        body: created,
      });
      expect(same.metadata?.resourceVersion).toBe(
        created.metadata?.resourceVersion,
      );
    });

    it('bumps resourceVersion and generation when apply() changes an object', () => {
      const [first] = h.cluster.apply(app('a'));
      const [second] = h.cluster.apply(app('a', { project: 'changed' }));
      expect(Number(second.metadata.resourceVersion)).toBeGreaterThan(
        Number(first.metadata.resourceVersion),
      );
      expect(second.metadata.generation).toBe(2);
    });
  });

  describe('library helpers', () => {
    it('removes an object with remove() and reports whether it existed', () => {
      h.cluster.apply(app('a'));
      expect(
        h.cluster.remove('argoproj.io/v1alpha1', 'Application', 'a', 'default'),
      ).toBe(true);
      expect(
        h.cluster.remove('argoproj.io/v1alpha1', 'Application', 'a', 'default'),
      ).toBe(false);
    });

    it('hands out copies that callers cannot use to change stored objects', () => {
      const [applied] = h.cluster.apply(app('a'));
      (applied.spec as Record<string, unknown>).project = 'mutated';
      expect(
        h.cluster.get('argoproj.io/v1alpha1', 'Application', 'a')?.spec,
      ).toEqual({ project: 'default' });
    });

    it('refuses objects of an unknown kind', () => {
      expect(() =>
        h.cluster.apply({
          apiVersion: 'example.com/v1',
          kind: 'Widget',
          metadata: { name: 'w' },
        }),
      ).toThrow(/Widget/);
    });
  });
});
