import {
  APP,
  codeOf,
  Harness,
  patchAs,
  rawRequest,
  startHarnessWithApplication,
  statusOf,
} from './__testUtils__/harness';

describe('PATCH', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarnessWithApplication();
  });
  afterEach(() => h.emulator.close());

  const stored = () =>
    h.cluster.get('argoproj.io/v1alpha1', 'Application', 'app', 'default')!;

  it('merges a merge patch and deletes keys set to null', async () => {
    await h.custom.patchNamespacedCustomObject(
      {
        ...APP,
        name: 'app',
        body: {
          metadata: { labels: { tier: null, env: 'prod' } },
          spec: { source: { path: 'q' } },
        },
      },
      patchAs('merge'),
    );
    expect(stored().metadata.labels).toEqual({ team: 'a', env: 'prod' });
    expect(stored().spec).toMatchObject({
      source: { repoURL: 'r', path: 'q' },
    });
  });

  it('treats a strategic merge patch as a merge patch', async () => {
    h.cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm' },
      data: { a: '1' },
    });
    await h.core.patchNamespacedConfigMap(
      { name: 'cm', namespace: 'default', body: { data: { b: '2' } } },
      patchAs('strategic'),
    );
    expect(h.cluster.get('v1', 'ConfigMap', 'cm')?.data).toEqual({
      a: '1',
      b: '2',
    });
  });

  it.each([
    [
      'add',
      [{ op: 'add', path: '/spec/list/1', value: 'new' }],
      ['x', 'new', 'y'],
    ],
    [
      'add at end',
      [{ op: 'add', path: '/spec/list/-', value: 'z' }],
      ['x', 'y', 'z'],
    ],
    ['remove', [{ op: 'remove', path: '/spec/list/0' }], ['y']],
    [
      'replace',
      [{ op: 'replace', path: '/spec/list/1', value: 'w' }],
      ['x', 'w'],
    ],
    [
      'move',
      [{ op: 'move', from: '/spec/list/0', path: '/spec/list/1' }],
      ['y', 'x'],
    ],
    [
      'copy',
      [{ op: 'copy', from: '/spec/list/0', path: '/spec/list/0' }],
      ['x', 'x', 'y'],
    ],
    [
      'test then replace',
      [
        { op: 'test', path: '/spec/list/0', value: 'x' },
        { op: 'replace', path: '/spec/list/0', value: 'v' },
      ],
      ['v', 'y'],
    ],
  ])('applies a JSON patch %s operation', async (_op, body, list) => {
    await h.custom.patchNamespacedCustomObject(
      { ...APP, name: 'app', body },
      patchAs('json'),
    );
    expect(stored().spec).toMatchObject({ list });
  });

  it('escapes ~1 and ~0 in JSON pointers', async () => {
    await h.custom.patchNamespacedCustomObject(
      {
        ...APP,
        name: 'app',
        body: [
          { op: 'add', path: '/metadata/annotations', value: {} },
          {
            op: 'add',
            path: '/metadata/annotations/example.com~1a~0b',
            value: 'v',
          },
        ],
      },
      patchAs('json'),
    );
    expect(stored().metadata.annotations).toEqual({ 'example.com/a~b': 'v' });
  });

  it('answers a failed JSON patch test with 422 and changes nothing', async () => {
    const before = stored();
    const body = [
      { op: 'replace', path: '/spec/project', value: 'p2' },
      { op: 'test', path: '/spec/list/0', value: 'nope' },
    ];
    expect(
      await codeOf(
        h.custom.patchNamespacedCustomObject(
          { ...APP, name: 'app', body },
          patchAs('json'),
        ),
      ),
    ).toBe(422);
    expect(stored()).toEqual(before);
  });

  it('answers a patch of a missing object with 404', async () => {
    expect(
      await codeOf(
        h.custom.patchNamespacedCustomObject(
          { ...APP, name: 'missing', body: { spec: {} } },
          patchAs('merge'),
        ),
      ),
    ).toBe(404);
  });

  it('answers a patch carrying a stale resourceVersion with 409', async () => {
    const status = await statusOf(
      h.custom.patchNamespacedCustomObject(
        {
          ...APP,
          name: 'app',
          body: { metadata: { resourceVersion: '1' }, spec: { project: 'x' } },
        },
        patchAs('merge'),
      ),
    );
    expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
  });

  it('answers an unknown patch content type with 415', async () => {
    const res = await rawRequest(
      h.cluster.url,
      'PATCH',
      '/apis/argoproj.io/v1alpha1/namespaces/default/applications/app',
      {
        token: h.cluster.token,
        contentType: 'text/plain',
        body: '{}',
      },
    );
    expect(res.status).toBe(415);
  });

  it('creates a missing object with a server-side apply patch', async () => {
    const body = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'ssa' },
      spec: { project: 'p' },
    };
    await h.custom.patchNamespacedCustomObject(
      { ...APP, name: 'ssa', body, fieldManager: 'test' },
      patchAs('apply'),
    );
    expect(
      h.cluster.get('argoproj.io/v1alpha1', 'Application', 'ssa')?.spec,
    ).toEqual({ project: 'p' });
  });
});
