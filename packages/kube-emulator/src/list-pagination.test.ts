import {
  Harness,
  startHarness,
  statusOf,
  waitFor,
} from './__testUtils__/harness';

async function seed(h: Harness, count: number) {
  h.cluster.apply(
    Array.from({ length: count }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: `cm-${String(i).padStart(3, '0')}`,
        namespace: 'pages',
      },
    })),
  );
}

describe('list pagination', () => {
  let h: Harness;
  afterEach(() => h.emulator.close());

  describe('with the default TTL', () => {
    beforeEach(async () => {
      h = await startHarness();
      await seed(h, 25);
    });

    it('pages through every object exactly once with limit and continue', async () => {
      const names: string[] = [];
      let token: string | undefined;
      do {
        const page = await h.core.listNamespacedConfigMap({
          namespace: 'pages',
          limit: 10,
          _continue: token,
        });
        names.push(...page.items.map(i => i.metadata!.name!));
        token = page.metadata?._continue;
      } while (token);
      expect(names).toEqual(
        Array.from(
          { length: 25 },
          (_, i) => `cm-${String(i).padStart(3, '0')}`,
        ),
      );
    });

    it('reports remainingItemCount on a partial page', async () => {
      const page = await h.core.listNamespacedConfigMap({
        namespace: 'pages',
        limit: 10,
      });
      expect(page.metadata?.remainingItemCount).toBe(15);
      expect(page.items).toHaveLength(10);
    });

    it('leaves continue out of the last page', async () => {
      const first = await h.core.listNamespacedConfigMap({
        namespace: 'pages',
        limit: 20,
      });
      const last = await h.core.listNamespacedConfigMap({
        namespace: 'pages',
        limit: 20,
        _continue: first.metadata?._continue,
      });
      expect(last.items).toHaveLength(5);
      expect(last.metadata?._continue).toBeUndefined();
    });

    it('reports the resourceVersion of the first page on later pages', async () => {
      const first = await h.core.listNamespacedConfigMap({
        namespace: 'pages',
        limit: 10,
      });
      h.cluster.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'other', namespace: 'default' },
      });
      const second = await h.core.listNamespacedConfigMap({
        namespace: 'pages',
        limit: 10,
        _continue: first.metadata?._continue,
      });
      expect(second.metadata?.resourceVersion).toBe(
        first.metadata?.resourceVersion,
      );
    });

    it('sets the list resourceVersion to the current resourceVersion', async () => {
      const [latest] = h.cluster.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'latest', namespace: 'default' },
      });
      const list = await h.core.listNamespacedConfigMap({ namespace: 'pages' });
      expect(list.metadata?.resourceVersion).toBe(
        latest.metadata.resourceVersion,
      );
    });

    it('answers a continue token from before compact() with 410 Expired', async () => {
      const first = await h.core.listNamespacedConfigMap({
        namespace: 'pages',
        limit: 10,
      });
      h.cluster.compact();
      const status = await statusOf(
        h.core.listNamespacedConfigMap({
          namespace: 'pages',
          limit: 10,
          _continue: first.metadata?._continue,
        }),
      );
      expect(status).toMatchObject({
        kind: 'Status',
        code: 410,
        reason: 'Expired',
        message: expect.stringMatching(
          /^The provided continue parameter is too old/,
        ),
      });
    });

    it('answers a garbled continue token with 400', async () => {
      const status = await statusOf(
        h.core.listNamespacedConfigMap({
          namespace: 'pages',
          limit: 10,
          _continue: 'not-a-token',
        }),
      );
      expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    });
  });

  describe('with a short TTL', () => {
    beforeEach(async () => {
      h = await startHarness({ continueTokenTtlMs: 1 });
      await seed(h, 5);
    });

    it('answers a continue token older than the TTL with 410 Expired', async () => {
      const first = await h.core.listNamespacedConfigMap({
        namespace: 'pages',
        limit: 2,
      });
      const issuedAt = Date.now();
      await waitFor(
        'the token to age past the TTL',
        () => Date.now() - issuedAt > 5,
      );
      const status = await statusOf(
        h.core.listNamespacedConfigMap({
          namespace: 'pages',
          limit: 2,
          _continue: first.metadata?._continue,
        }),
      );
      expect(status).toMatchObject({ code: 410, reason: 'Expired' });
    });
  });
});
