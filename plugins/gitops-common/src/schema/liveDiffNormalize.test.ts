import { IgnoreDifference } from './liveDiff';
import {
  LAST_APPLIED_ANNOTATION,
  LiveDiffTarget,
  normalizeLiveDiffPair,
} from './liveDiffNormalize';
import {
  LIVE_DIFF_SECRET_MASK,
  LIVE_DIFF_SECRET_MASK_DESIRED,
  LIVE_DIFF_SECRET_MASK_LIVE,
} from './liveDiffSecrets';

/*
 * Argo CD's documented comparison (user-guide/diffing.md, the ResourceIgnoreDifferences type): server-written
 * fields and status are not differences, ignoreDifferences filters by group/kind glob and name/namespace, and
 * removes JSON pointers and managed fields of trusted managers from both sides.
 */

const DEPLOYMENT: LiveDiffTarget = {
  group: 'apps',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
};

const desiredDeployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    template: {
      spec: { containers: [{ name: 'web', image: 'ghcr.io/acme/web:1.0.0' }] },
    },
  },
});

/** The desired Deployment as the API server returns it after `kubectl apply`, with `extra` merged into metadata. */
function liveDeployment(metadata: Record<string, unknown> = {}) {
  const desired = desiredDeployment();
  return {
    ...desired,
    metadata: {
      ...desired.metadata,
      uid: '6b3f0c9e-4a8e-4c1b-9f5e-1f2d3c4b5a69',
      resourceVersion: '48213',
      generation: 3,
      creationTimestamp: '2026-01-05T10:00:00Z',
      managedFields: [
        {
          manager: 'kubectl-client-side-apply',
          operation: 'Update',
          fieldsV1: { 'f:spec': { 'f:replicas': {} } },
        },
      ],
      annotations: {
        [LAST_APPLIED_ANNOTATION]: JSON.stringify(desired),
        'deployment.kubernetes.io/revision': '3',
        'argocd.argoproj.io/tracking-id': 'shop-dev:apps/Deployment:shop/web',
      },
      ...metadata,
    },
    spec: {
      ...desired.spec,
      progressDeadlineSeconds: 600,
      template: {
        spec: {
          containers: [
            {
              ...desired.spec.template.spec.containers[0],
              imagePullPolicy: 'IfNotPresent',
            },
          ],
          restartPolicy: 'Always',
        },
      },
    },
    status: { replicas: 2, readyReplicas: 2 },
  };
}

describe('normalizeLiveDiffPair: what Argo CD does not count as a difference', () => {
  it.each([
    ['status', (live: any) => live.status],
    ['metadata.managedFields', (live: any) => live.metadata.managedFields],
    ['metadata.resourceVersion', (live: any) => live.metadata.resourceVersion],
    ['metadata.uid', (live: any) => live.metadata.uid],
    ['metadata.generation', (live: any) => live.metadata.generation],
    [
      'metadata.creationTimestamp',
      (live: any) => live.metadata.creationTimestamp,
    ],
    [
      'the last-applied annotation',
      (live: any) => live.metadata.annotations?.[LAST_APPLIED_ANNOTATION],
    ],
    [
      "Argo CD's tracking annotation",
      (live: any) =>
        live.metadata.annotations?.['argocd.argoproj.io/tracking-id'],
    ],
    [
      'an annotation a controller added',
      (live: any) =>
        live.metadata.annotations?.['deployment.kubernetes.io/revision'],
    ],
    [
      'a defaulted spec field',
      (live: any) => live.spec.progressDeadlineSeconds,
    ],
    [
      'a defaulted field inside a list item',
      (live: any) => live.spec.template.spec.containers[0].imagePullPolicy,
    ],
  ])('drops %s', (_field, read) => {
    const { live } = normalizeLiveDiffPair({
      target: DEPLOYMENT,
      desired: desiredDeployment(),
      live: liveDeployment(),
    });
    expect(read(live)).toBeUndefined();
  });

  it('leaves a synced object equal to its desired manifest', () => {
    const { desired, live } = normalizeLiveDiffPair({
      target: DEPLOYMENT,
      desired: desiredDeployment(),
      live: liveDeployment(),
    });
    expect(live).toEqual(desired);
  });

  it('keeps a live field the last apply declared and the desired manifest no longer does', () => {
    const desired = desiredDeployment();
    const applied = { ...desired, spec: { ...desired.spec, paused: true } };
    const live = liveDeployment({
      annotations: { [LAST_APPLIED_ANNOTATION]: JSON.stringify(applied) },
    });
    (live.spec as any).paused = true;
    const result = normalizeLiveDiffPair({ target: DEPLOYMENT, desired, live });
    expect((result.live as any).spec.paused).toBe(true);
  });

  it('keeps a changed value', () => {
    const live = liveDeployment();
    live.spec.replicas = 5;
    const result = normalizeLiveDiffPair({
      target: DEPLOYMENT,
      desired: desiredDeployment(),
      live,
    });
    expect((result.live as any).spec.replicas).toBe(5);
  });

  it('keeps the whole live object when nothing is desired (to be pruned)', () => {
    const result = normalizeLiveDiffPair({
      target: DEPLOYMENT,
      live: liveDeployment(),
    });
    expect((result.live as any).spec.progressDeadlineSeconds).toBe(600);
    expect(result.desired).toBeUndefined();
  });

  it('does not change its inputs', () => {
    const live = liveDeployment();
    const before = JSON.stringify(live);
    normalizeLiveDiffPair({
      target: DEPLOYMENT,
      desired: desiredDeployment(),
      live,
    });
    expect(JSON.stringify(live)).toBe(before);
  });
});

describe('normalizeLiveDiffPair: spec.ignoreDifferences', () => {
  /** A live Deployment scaled by an HPA to 5 replicas, image changed by hand. */
  const drifted = () => {
    const live = liveDeployment({
      managedFields: [
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          fieldsV1: { 'f:spec': { 'f:replicas': {} } },
        },
        {
          manager: 'kubectl-edit',
          operation: 'Update',
          fieldsV1: {
            'f:spec': {
              'f:template': {
                'f:spec': {
                  'f:containers': {
                    'k:{"name":"web"}': { '.': {}, 'f:image': {} },
                  },
                },
              },
            },
          },
        },
      ],
    });
    live.spec.replicas = 5;
    live.spec.template.spec.containers[0].image = 'ghcr.io/acme/web:hotfix';
    return live;
  };
  const replicas = (side: any) => side?.spec?.replicas;
  const image = (side: any) =>
    side?.spec?.template?.spec?.containers?.[0]?.image;

  it.each<[string, IgnoreDifference[], (side: any) => unknown]>([
    [
      'jsonPointers on a group and kind',
      [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
      replicas,
    ],
    [
      'jsonPointers narrowed to the name and namespace',
      [
        {
          group: 'apps',
          kind: 'Deployment',
          name: 'web',
          namespace: 'shop',
          jsonPointers: ['/spec/replicas'],
        },
      ],
      replicas,
    ],
    [
      'jsonPointers with a glob group and kind',
      [{ group: '*', kind: '*', jsonPointers: ['/spec/replicas'] }],
      replicas,
    ],
    [
      'a jsonPointer into a list item',
      [
        {
          group: 'apps',
          kind: 'Deployment',
          jsonPointers: ['/spec/template/spec/containers/0/image'],
        },
      ],
      image,
    ],
    [
      'managedFieldsManagers (a map field)',
      [
        {
          group: 'apps',
          kind: 'Deployment',
          managedFieldsManagers: ['kube-controller-manager'],
        },
      ],
      replicas,
    ],
    [
      'managedFieldsManagers (a field of a list item by key)',
      [
        {
          group: 'apps',
          kind: 'Deployment',
          managedFieldsManagers: ['kubectl-edit'],
        },
      ],
      image,
    ],
  ])('%s: removed from both sides', (_form, rules, read) => {
    const result = normalizeLiveDiffPair({
      target: DEPLOYMENT,
      desired: desiredDeployment(),
      live: drifted(),
      ignoreDifferences: rules,
    });
    expect([read(result.desired), read(result.live)]).toEqual([
      undefined,
      undefined,
    ]);
    expect(result.unsupported).toEqual([]);
  });

  it.each<[string, IgnoreDifference]>([
    [
      'another kind',
      { group: 'apps', kind: 'StatefulSet', jsonPointers: ['/spec/replicas'] },
    ],
    [
      'another group',
      { group: '', kind: 'Deployment', jsonPointers: ['/spec/replicas'] },
    ],
    [
      'another name',
      {
        group: 'apps',
        kind: 'Deployment',
        name: 'api',
        jsonPointers: ['/spec/replicas'],
      },
    ],
    [
      'another namespace',
      {
        group: 'apps',
        kind: 'Deployment',
        namespace: 'prod',
        jsonPointers: ['/spec/replicas'],
      },
    ],
    [
      'a manager that did not write the field',
      { group: 'apps', kind: 'Deployment', managedFieldsManagers: ['helm'] },
    ],
  ])('a rule for %s leaves the difference', (_case, rule) => {
    const result = normalizeLiveDiffPair({
      target: DEPLOYMENT,
      desired: desiredDeployment(),
      live: drifted(),
      ignoreDifferences: [rule],
    });
    expect(replicas(result.live)).toBe(5);
  });

  it('a pointer that is absent on one side is no error', () => {
    const result = normalizeLiveDiffPair({
      target: DEPLOYMENT,
      desired: desiredDeployment(),
      live: drifted(),
      ignoreDifferences: [
        {
          group: 'apps',
          kind: 'Deployment',
          jsonPointers: ['/spec/nothing/here'],
        },
      ],
    });
    expect(replicas(result.live)).toBe(5);
  });

  it('reports jqPathExpressions as not applied, naming the expression and the resource', () => {
    const result = normalizeLiveDiffPair({
      target: DEPLOYMENT,
      desired: desiredDeployment(),
      live: drifted(),
      ignoreDifferences: [
        {
          group: 'apps',
          kind: 'Deployment',
          jqPathExpressions: ['.spec.replicas'],
        },
      ],
    });
    expect(result.unsupported).toEqual([
      expect.stringContaining(
        '".spec.replicas" (Deployment/shop/web) not applied',
      ),
    ]);
    expect(replicas(result.live)).toBe(5);
  });
});

describe('normalizeLiveDiffPair: Secret values', () => {
  const SECRET: LiveDiffTarget = {
    group: '',
    kind: 'Secret',
    namespace: 'shop',
    name: 'db',
  };
  const secret = (fields: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop' },
    type: 'Opaque',
    ...fields,
  });
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it.each<
    [
      string,
      Record<string, unknown> | undefined,
      Record<string, unknown> | undefined,
      unknown,
      unknown,
    ]
  >([
    [
      'equal data',
      secret({ data: { password: b64('hunter2') } }),
      secret({ data: { password: b64('hunter2') } }),
      { password: LIVE_DIFF_SECRET_MASK },
      { password: LIVE_DIFF_SECRET_MASK },
    ],
    [
      'desired stringData equal to live data',
      secret({ stringData: { password: 'hunter2' } }),
      secret({ data: { password: b64('hunter2') } }),
      { password: LIVE_DIFF_SECRET_MASK },
      { password: LIVE_DIFF_SECRET_MASK },
    ],
    [
      'a value that differs',
      secret({ data: { password: b64('hunter2') } }),
      secret({ data: { password: b64('changed-by-hand') } }),
      { password: LIVE_DIFF_SECRET_MASK_DESIRED },
      { password: LIVE_DIFF_SECRET_MASK_LIVE },
    ],
    [
      'a key only desired has',
      secret({ data: { password: b64('hunter2'), token: b64('abc') } }),
      secret({ data: { password: b64('hunter2') } }),
      { password: LIVE_DIFF_SECRET_MASK, token: LIVE_DIFF_SECRET_MASK },
      { password: LIVE_DIFF_SECRET_MASK },
    ],
    [
      'no live object',
      secret({ stringData: { password: 'hunter2' } }),
      undefined,
      { password: LIVE_DIFF_SECRET_MASK },
      undefined,
    ],
    [
      'no desired manifest',
      undefined,
      secret({ data: { password: b64('hunter2') } }),
      undefined,
      { password: LIVE_DIFF_SECRET_MASK },
    ],
  ])(
    '%s: masked on both sides',
    (_case, desired, live, desiredData, liveData) => {
      const result = normalizeLiveDiffPair({ target: SECRET, desired, live });
      expect((result.desired as any)?.data).toEqual(desiredData);
      expect((result.live as any)?.data).toEqual(liveData);
      expect((result.desired as any)?.stringData).toBeUndefined();
      const text = JSON.stringify(result);
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain(b64('hunter2'));
    },
  );

  it('masks the values the last-applied annotation holds (the annotation is dropped)', () => {
    const desired = secret({ stringData: { password: 'hunter2' } });
    const live = secret({
      data: { password: b64('hunter2') },
      metadata: {
        name: 'db',
        namespace: 'shop',
        annotations: { [LAST_APPLIED_ANNOTATION]: JSON.stringify(desired) },
      },
    });
    const text = JSON.stringify(
      normalizeLiveDiffPair({ target: SECRET, desired, live }),
    );
    expect(text).not.toContain('hunter2');
  });

  it('leaves other kinds alone', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'db', namespace: 'shop' },
      data: { mode: 'fast' },
    };
    const result = normalizeLiveDiffPair({
      target: { ...SECRET, kind: 'ConfigMap' },
      desired: configMap,
      live: configMap,
    });
    expect((result.live as any).data).toEqual({ mode: 'fast' });
  });
});
