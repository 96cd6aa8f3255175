import { CoreV1Api } from '@kubernetes/client-node';
import {
  codeOf,
  Harness,
  kubeConfigFor,
  rawRequest,
  startHarness,
  statusOf,
  waitFor,
} from './__testUtils__/harness';
import {
  recordWatch,
  RecordedWatch,
  summarize,
} from './__testUtils__/watching';

const CM_PATH = '/api/v1/namespaces/default/configmaps';

describe('faults', () => {
  let h: Harness;
  const watches: RecordedWatch[] = [];
  beforeEach(async () => {
    h = await startHarness();
    h.cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    });
  });
  afterEach(async () => {
    watches.splice(0).forEach(w => w.stop());
    await h.emulator.close();
  });

  const readCfg = () =>
    h.core.readNamespacedConfigMap({ name: 'cfg', namespace: 'default' });

  describe('authentication', () => {
    it('answers a request without a token with a 401 Unauthorized Status', async () => {
      const res = await rawRequest(h.cluster.url, 'GET', '/api/v1/namespaces');
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    });

    it('answers a wrong token with 401, also on discovery', async () => {
      const res = await rawRequest(h.cluster.url, 'GET', '/apis', {
        token: 'wrong',
      });
      expect(res.status).toBe(401);
    });

    it('rejects the old token and accepts the new one after setToken', async () => {
      const oldClient = h.core;
      h.cluster.setToken('rotated-token');
      expect(await codeOf(oldClient.listNamespace())).toBe(401);
      const newClient = kubeConfigFor(h.cluster).makeApiClient(CoreV1Api);
      expect(await codeOf(newClient.listNamespace())).toBe('ok');
    });
  });

  describe('status faults', () => {
    it.each([
      [401, 'Unauthorized'],
      [403, 'Forbidden'],
      [429, 'TooManyRequests'],
      [500, 'InternalError'],
      [503, 'ServiceUnavailable'],
    ] as const)('answers %s with a %s Status', async (status, reason) => {
      h.cluster.addFault({ type: 'status', status });
      // Raw request: client-node drops the body of some error codes (401).
      const res = await rawRequest(h.cluster.url, 'GET', `${CM_PATH}/cfg`, {
        token: h.cluster.token,
      });
      expect(res.status).toBe(status);
      expect(res.json()).toMatchObject({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        code: status,
        reason,
      });
    });

    it('makes client-node calls fail with the injected code', async () => {
      h.cluster.addFault({ type: 'status', status: 403 });
      expect(await statusOf(readCfg())).toMatchObject({
        code: 403,
        reason: 'Forbidden',
      });
    });

    it('sends Retry-After with a 429', async () => {
      h.cluster.addFault({ type: 'status', status: 429, retryAfterSeconds: 7 });
      const error = await readCfg().catch(e => e);
      expect(error.code).toBe(429);
      expect(error.headers['retry-after']).toBe('7');
    });

    it('applies a fault only to the next N matching requests when times is set', async () => {
      h.cluster.addFault({ type: 'status', status: 500, times: 2 });
      const codes = [
        await codeOf(readCfg()),
        await codeOf(readCfg()),
        await codeOf(readCfg()),
      ];
      expect(codes).toEqual([500, 500, 'ok']);
    });

    it('applies a fault until cleared when times is not set', async () => {
      const id = h.cluster.addFault({ type: 'status', status: 503 });
      expect([await codeOf(readCfg()), await codeOf(readCfg())]).toEqual([
        503, 503,
      ]);
      h.cluster.clearFaults(id);
      expect(await codeOf(readCfg())).toBe('ok');
    });

    it.each([
      ['verb', { verb: 'list' as const }],
      ['resource', { resource: 'secrets' }],
      ['namespace', { namespace: 'elsewhere' }],
      ['group', { group: 'apps' }],
    ])(
      'leaves requests alone that do not match by %s',
      async (_what, match) => {
        h.cluster.addFault({ type: 'status', status: 500, match });
        expect(await codeOf(readCfg())).toBe('ok');
      },
    );

    it('hits requests that match every given field', async () => {
      h.cluster.addFault({
        type: 'status',
        status: 403,
        match: {
          group: '',
          resource: 'configmaps',
          namespace: 'default',
          verb: 'get',
        },
      });
      expect(await codeOf(readCfg())).toBe(403);
    });

    it('can fail discovery requests', async () => {
      h.cluster.addFault({
        type: 'status',
        status: 503,
        match: { verb: 'discovery' },
      });
      expect(await codeOf(h.apis.getAPIVersions())).toBe(503);
      expect(await codeOf(readCfg())).toBe('ok');
    });
  });

  describe('latency', () => {
    it('delays matching requests while others are answered first', async () => {
      h.cluster.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'slow', namespace: 'slow-ns' },
      });
      h.cluster.addFault({
        type: 'latency',
        ms: 1500,
        match: { namespace: 'slow-ns' },
      });
      const order: string[] = [];
      const slow = h.core
        .readNamespacedConfigMap({ name: 'slow', namespace: 'slow-ns' })
        .then(r => order.push(`slow ${r.metadata?.name}`));
      const fast = readCfg().then(r => order.push(`fast ${r.metadata?.name}`));
      await Promise.all([slow, fast]);
      expect(order).toEqual(['fast cfg', 'slow slow']);
    });
  });

  describe('silent watch', () => {
    it('keeps the connection open but never delivers events, while an unfaulted watch does', async () => {
      h.cluster.addFault({ type: 'silent-watch', times: 1 });
      const silent = await recordWatch(h.kc, CM_PATH, {
        resourceVersion: h.cluster.get('v1', 'ConfigMap', 'cfg')!.metadata
          .resourceVersion!,
      });
      const normal = await recordWatch(h.kc, CM_PATH, {
        resourceVersion: h.cluster.get('v1', 'ConfigMap', 'cfg')!.metadata
          .resourceVersion!,
      });
      watches.push(silent, normal);
      h.cluster.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'new' },
      });
      await waitFor(
        'the unfaulted watch to see the change',
        () => normal.events.length >= 1,
      );
      expect(summarize(normal.events)).toEqual(['ADDED new']);
      expect(silent.events).toEqual([]);
      expect(silent.ended).toBeUndefined();
    });

    it('does not affect non-watch requests', async () => {
      h.cluster.addFault({ type: 'silent-watch' });
      expect(await codeOf(readCfg())).toBe('ok');
    });
  });

  describe('drop-connection', () => {
    it('destroys the socket of a request', async () => {
      h.cluster.addFault({ type: 'drop-connection', times: 1 });
      await expect(readCfg()).rejects.toThrow();
      expect(await codeOf(readCfg())).toBe('ok');
    });

    it('cuts a watch after its initial events', async () => {
      h.cluster.addFault({ type: 'drop-connection', match: { verb: 'watch' } });
      const w = await recordWatch(h.kc, CM_PATH);
      watches.push(w);
      await waitFor('the watch to end', () => w.ended);
      expect(summarize(w.events)).toEqual(['ADDED cfg']);
    });
  });

  describe('cluster down', () => {
    it('refuses connections after stop() and serves the same data after start()', async () => {
      const urlBefore = h.cluster.url;
      await h.cluster.stop();
      const error = await readCfg().catch(e => e);
      expect(String(error.code ?? error.message)).toMatch(/ECONNREFUSED/);
      await h.cluster.start();
      expect(h.cluster.url).toBe(urlBefore);
      expect((await readCfg()).metadata?.name).toBe('cfg');
    });

    it('ends open watches on stop()', async () => {
      const w = await recordWatch(h.kc, CM_PATH);
      watches.push(w);
      await waitFor('the initial event', () => w.events.length >= 1);
      await h.cluster.stop();
      const ended = await waitFor('the watch to end', () => w.ended);
      expect(ended).toBeDefined();
    });
  });

  it('rejects a malformed fault', () => {
    expect(() =>
      h.cluster.addFault({ type: 'status', status: 418 as 500 }),
    ).toThrow(/status/);
  });
});
