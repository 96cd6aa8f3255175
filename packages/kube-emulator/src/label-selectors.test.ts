import { Harness, startHarness, statusOf } from './__testUtils__/harness';

const OBJECTS: Array<[string, Record<string, string>]> = [
  ['web-prod', { app: 'web', env: 'prod', tier: 'frontend' }],
  ['web-dev', { app: 'web', env: 'dev', tier: 'frontend' }],
  ['api-prod', { app: 'api', env: 'prod' }],
  ['api-qa', { app: 'api', env: 'qa', canary: 'true' }],
  ['unlabelled', {}],
];

describe('label and field selectors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.cluster.apply(
      OBJECTS.map(([name, labels]) => ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'sel', labels },
      })),
    );
    h.cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'elsewhere',
        namespace: 'other',
        labels: { app: 'web' },
      },
    });
  });
  afterAll(() => h.emulator.close());

  const names = async (query: {
    labelSelector?: string;
    fieldSelector?: string;
  }) =>
    (await h.core.listNamespacedConfigMap({ namespace: 'sel', ...query })).items
      .map(i => i.metadata!.name)
      .sort();

  it.each([
    ['app=web', ['web-dev', 'web-prod']],
    ['app==web', ['web-dev', 'web-prod']],
    ['app!=web', ['api-prod', 'api-qa', 'unlabelled']],
    ['env in (prod, qa)', ['api-prod', 'api-qa', 'web-prod']],
    ['env notin (prod)', ['api-qa', 'unlabelled', 'web-dev']],
    ['canary', ['api-qa']],
    ['!tier', ['api-prod', 'api-qa', 'unlabelled']],
    ['app=api,env=prod', ['api-prod']],
    ['app in (web,api),env!=dev,!canary', ['api-prod', 'web-prod']],
    ['app=nothing', []],
    ['', ['api-prod', 'api-qa', 'unlabelled', 'web-dev', 'web-prod']],
  ])('labelSelector %j selects %j', async (labelSelector, expected) => {
    expect(await names({ labelSelector })).toEqual(expected);
  });

  it.each([
    ['metadata.name=web-dev', ['web-dev']],
    [
      'metadata.name!=web-dev',
      ['api-prod', 'api-qa', 'unlabelled', 'web-prod'],
    ],
    ['metadata.namespace=sel,metadata.name==api-qa', ['api-qa']],
  ])('fieldSelector %j selects %j', async (fieldSelector, expected) => {
    expect(await names({ fieldSelector })).toEqual(expected);
  });

  it('combines label and field selectors', async () => {
    expect(
      await names({
        labelSelector: 'app=web',
        fieldSelector: 'metadata.name=web-prod',
      }),
    ).toEqual(['web-prod']);
  });

  it('filters a cluster-wide list by metadata.namespace', async () => {
    const list = await h.core.listConfigMapForAllNamespaces({
      fieldSelector: 'metadata.namespace=other',
    });
    expect(list.items.map(i => i.metadata!.name)).toEqual(['elsewhere']);
  });

  it.each([['app in (web'], ['a b'], ['=web']])(
    'answers the malformed selector %j with 400',
    async labelSelector => {
      const status = await statusOf(
        h.core.listNamespacedConfigMap({ namespace: 'sel', labelSelector }),
      );
      expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    },
  );

  it('selects Events by involvedObject fields', async () => {
    h.cluster.apply([
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'e1', namespace: 'sel' },
        involvedObject: { kind: 'Pod', name: 'web-1' },
        reason: 'Started',
      },
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'e2', namespace: 'sel' },
        involvedObject: { kind: 'Pod', name: 'web-2' },
        reason: 'Started',
      },
    ]);
    const list = await h.core.listNamespacedEvent({
      namespace: 'sel',
      fieldSelector: 'involvedObject.kind=Pod,involvedObject.name=web-2',
    });
    expect(list.items.map(e => e.metadata.name)).toEqual(['e2']);
  });

  it('answers an unsupported field selector with 400', async () => {
    const status = await statusOf(
      h.core.listNamespacedConfigMap({
        namespace: 'sel',
        fieldSelector: 'data.x=1',
      }),
    );
    expect(status).toMatchObject({
      code: 400,
      message: 'field label not supported: data.x',
    });
  });
});
