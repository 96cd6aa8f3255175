import { CoreApi, KubernetesObjectApi } from '@kubernetes/client-node';
import { gitopsCrds } from './crds';
import {
  codeOf,
  Harness,
  rawRequest,
  startHarness,
  statusOf,
} from './__testUtils__/harness';

describe('discovery', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.emulator.close());

  it('serves /api with the core version', async () => {
    const versions = await h.kc.makeApiClient(CoreApi).getAPIVersions();
    expect(versions.versions).toEqual(['v1']);
  });

  it('lists core resources with scope, kind, verbs, short names and status subresources', async () => {
    const list = await h.core.getAPIResources();
    const byName = Object.fromEntries(list.resources.map(r => [r.name, r]));
    expect(Object.keys(byName)).toEqual(
      expect.arrayContaining([
        'namespaces',
        'namespaces/status',
        'configmaps',
        'secrets',
        'services',
        'serviceaccounts',
        'pods',
        'pods/status',
        'events',
      ]),
    );
    expect(byName.namespaces).toMatchObject({
      namespaced: false,
      kind: 'Namespace',
      singularName: 'namespace',
      shortNames: ['ns'],
    });
    expect(byName.configmaps).toMatchObject({
      namespaced: true,
      kind: 'ConfigMap',
      shortNames: ['cm'],
    });
    expect(byName.configmaps.verbs).toEqual(
      expect.arrayContaining([
        'create',
        'delete',
        'get',
        'list',
        'patch',
        'update',
        'watch',
      ]),
    );
    expect(byName['pods/status'].verbs).toEqual(['get', 'patch', 'update']);
  });

  it('lists the built-in groups under /apis', async () => {
    const groups = await h.apis.getAPIVersions();
    expect(groups.groups.map(g => g.name)).toEqual([
      'apps',
      'batch',
      'networking.k8s.io',
      'autoscaling',
      'apiextensions.k8s.io',
      'rbac.authorization.k8s.io',
    ]);
    expect(groups.groups[0].preferredVersion).toEqual({
      groupVersion: 'apps/v1',
      version: 'v1',
    });
  });

  it.each([
    [
      'apps',
      'v1',
      [
        'deployments',
        'deployments/status',
        'replicasets',
        'replicasets/status',
        'statefulsets',
        'statefulsets/status',
        'daemonsets',
        'daemonsets/status',
      ],
    ],
    ['batch', 'v1', ['jobs', 'jobs/status']],
    ['networking.k8s.io', 'v1', ['ingresses', 'ingresses/status']],
    [
      'autoscaling',
      'v2',
      ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
    ],
    [
      'apiextensions.k8s.io',
      'v1',
      ['customresourcedefinitions', 'customresourcedefinitions/status'],
    ],
    [
      'rbac.authorization.k8s.io',
      'v1',
      ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'],
    ],
  ])('serves /apis/%s/%s', async (group, version, names) => {
    const res = await rawRequest(
      h.cluster.url,
      'GET',
      `/apis/${group}/${version}`,
      { token: h.cluster.token },
    );
    expect(res.json()).toMatchObject({
      kind: 'APIResourceList',
      groupVersion: `${group}/${version}`,
    });
    expect(res.json().resources.map((r: { name: string }) => r.name)).toEqual(
      names,
    );
  });

  it('makes a created CRD appear in /apis and /apis/<group>/<version>', async () => {
    const [appCrd] = gitopsCrds();
    await h.crdApi.createCustomResourceDefinition({ body: appCrd as any });
    const groups = await h.apis.getAPIVersions();
    expect(groups.groups.map(g => g.name)).toContain('argoproj.io');
    const res = await rawRequest(
      h.cluster.url,
      'GET',
      '/apis/argoproj.io/v1alpha1',
      { token: h.cluster.token },
    );
    expect(res.json().resources).toEqual([
      expect.objectContaining({
        name: 'applications',
        singularName: 'application',
        namespaced: true,
        kind: 'Application',
        shortNames: ['app', 'apps'],
      }),
      expect.objectContaining({
        name: 'applications/status',
        verbs: ['get', 'patch', 'update'],
      }),
    ]);
  });

  it('serves a created CRD kind to KubernetesObjectApi, which finds it through discovery', async () => {
    const [appCrd] = gitopsCrds();
    await h.crdApi.createCustomResourceDefinition({ body: appCrd as any });
    const objects = KubernetesObjectApi.makeApiClient(h.kc);
    await objects.create({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'default' },
    });
    const list = await objects.list(
      'argoproj.io/v1alpha1',
      'Application',
      'default',
    );
    expect(list.items.map(i => i.metadata?.name)).toEqual(['a']);
  });

  it('marks a created CRD Established', async () => {
    const [appCrd] = gitopsCrds();
    const created = await h.crdApi.createCustomResourceDefinition({
      body: appCrd as any,
    });
    const established = created.status?.conditions?.find(
      c => c.type === 'Established',
    );
    expect(established?.status).toBe('True');
  });

  it('removes a deleted CRD from discovery together with its objects', async () => {
    h.cluster.apply(gitopsCrds());
    h.cluster.apply({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'argocd' },
    });
    await h.crdApi.deleteCustomResourceDefinition({
      name: 'applications.argoproj.io',
    });
    const res = await rawRequest(
      h.cluster.url,
      'GET',
      '/apis/argoproj.io/v1alpha1',
      { token: h.cluster.token },
    );
    expect(
      res.json().resources.map((r: { name: string }) => r.name),
    ).not.toContain('applications');
    expect(
      await codeOf(
        h.custom.listNamespacedCustomObject({
          group: 'argoproj.io',
          version: 'v1alpha1',
          namespace: 'argocd',
          plural: 'applications',
        }),
      ),
    ).toBe(404);
    expect(h.cluster.list('argoproj.io/v1alpha1', 'Application')).toEqual([]);
  });

  it('drops a group from /apis when its last CRD goes', async () => {
    const crds = gitopsCrds().filter(
      c => (c.spec as { group: string }).group === 'helm.toolkit.fluxcd.io',
    );
    h.cluster.apply(crds);
    await h.crdApi.deleteCustomResourceDefinition({
      name: 'helmreleases.helm.toolkit.fluxcd.io',
    });
    const groups = await h.apis.getAPIVersions();
    expect(groups.groups.map(g => g.name)).not.toContain(
      'helm.toolkit.fluxcd.io',
    );
  });

  it('answers an unknown resource with a NotFound Status', async () => {
    const status = await statusOf(
      h.custom.listClusterCustomObject({
        group: 'example.com',
        version: 'v1',
        plural: 'widgets',
      }),
    );
    expect(status).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
    });
  });

  it('rejects a CRD whose name is not plural.group with 422', async () => {
    const [appCrd] = gitopsCrds();
    const bad = { ...appCrd, metadata: { name: 'wrong.argoproj.io' } };
    expect(
      await codeOf(
        h.crdApi.createCustomResourceDefinition({ body: bad as any }),
      ),
    ).toBe(422);
  });

  it('serves /version without a token', async () => {
    const res = await rawRequest(h.cluster.url, 'GET', '/version');
    expect(res.json()).toMatchObject({
      major: '1',
      gitVersion: expect.stringMatching(/^v1\./),
    });
  });
});
