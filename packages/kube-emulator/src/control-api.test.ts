import {
  codeOf,
  Harness,
  rawRequest,
  startHarness,
} from './__testUtils__/harness';

describe('control API', () => {
  let h: Harness;
  let control: string;
  beforeEach(async () => {
    h = await startHarness({
      clusters: [{ name: 'dev' }, { name: 'prod' }],
      controlPort: 0,
    });
    control = h.emulator.controlUrl!;
  });
  afterEach(() => h.emulator.close());

  const post = (
    path: string,
    body: unknown,
    contentType = 'application/json',
  ) =>
    rawRequest(control, 'POST', path, {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      contentType,
    });
  const readCfg = () =>
    h.core.readNamespacedConfigMap({ name: 'cfg', namespace: 'default' });

  it('lists the clusters with url, state and object count', async () => {
    const res = await rawRequest(control, 'GET', '/clusters');
    expect(res.json()).toEqual([
      { name: 'dev', url: h.emulator.cluster('dev').url, up: true, objects: 4 },
      {
        name: 'prod',
        url: h.emulator.cluster('prod').url,
        up: true,
        objects: 4,
      },
    ]);
  });

  it('applies a JSON object', async () => {
    const res = await post('/clusters/dev/objects', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    });
    expect(res.json()).toMatchObject({ applied: 1 });
    expect(await codeOf(readCfg())).toBe('ok');
  });

  it('applies multi-document YAML', async () => {
    const yaml =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n';
    const res = await post('/clusters/dev/objects', yaml, 'application/yaml');
    expect(res.json()).toMatchObject({ applied: 2 });
    expect(h.cluster.get('v1', 'Secret', 's')).toBeDefined();
  });

  it('answers an object of an unknown kind with 422', async () => {
    const res = await post('/clusters/dev/objects', [
      { apiVersion: 'x.io/v1', kind: 'Thing', metadata: { name: 't' } },
    ]);
    expect(res.status).toBe(422);
  });

  it('deletes an object, url-encoded apiVersion and _ for cluster scope', async () => {
    h.cluster.apply([
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'viewer' },
      },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' } },
    ]);
    const a = await rawRequest(
      control,
      'DELETE',
      `/clusters/dev/objects/${encodeURIComponent(
        'rbac.authorization.k8s.io/v1',
      )}/ClusterRole/_/viewer`,
    );
    const b = await rawRequest(
      control,
      'DELETE',
      '/clusters/dev/objects/v1/ConfigMap/default/cfg',
    );
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(
      h.cluster.list('rbac.authorization.k8s.io/v1', 'ClusterRole'),
    ).toEqual([]);
    expect(await codeOf(readCfg())).toBe(404);
  });

  it('adds a fault and clears it by id', async () => {
    h.cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    });
    const { id } = (
      await post('/clusters/dev/faults', { type: 'status', status: 500 })
    ).json();
    expect(await codeOf(readCfg())).toBe(500);
    await rawRequest(control, 'DELETE', `/clusters/dev/faults/${id}`);
    expect(await codeOf(readCfg())).toBe('ok');
  });

  it('clears all faults', async () => {
    h.cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    });
    await post('/clusters/dev/faults', { type: 'status', status: 500 });
    await post('/clusters/dev/faults', { type: 'status', status: 503 });
    await rawRequest(control, 'DELETE', '/clusters/dev/faults');
    expect(await codeOf(readCfg())).toBe('ok');
  });

  it('answers an invalid fault with 400', async () => {
    expect(
      (await post('/clusters/dev/faults', { type: 'explode' })).status,
    ).toBe(400);
  });

  it('stops and starts a cluster', async () => {
    await post('/clusters/dev/stop', {});
    expect((await rawRequest(control, 'GET', '/clusters')).json()[0].up).toBe(
      false,
    );
    await post('/clusters/dev/start', {});
    expect(await codeOf(h.core.listNamespace())).toBe('ok');
  });

  it('compacts a cluster', async () => {
    h.cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    });
    const first = await h.core.listNamespace({ limit: 1 });
    await post('/clusters/dev/compact', {});
    expect(
      await codeOf(
        h.core.listNamespace({
          limit: 1,
          _continue: first.metadata?._continue,
        }),
      ),
    ).toBe(410);
  });

  it('sets a new token without echoing it', async () => {
    const res = await post('/clusters/dev/token', { token: 'from-control' });
    expect(res.text).not.toContain('from-control');
    expect(h.cluster.token).toBe('from-control');
    expect(await codeOf(h.core.listNamespace())).toBe(401);
  });

  it('answers an unknown cluster with 404', async () => {
    expect((await post('/clusters/nope/compact', {})).status).toBe(404);
  });
});
