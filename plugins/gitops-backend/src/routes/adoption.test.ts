import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AdoptionResponse } from '@gitops-portal/plugin-gitops-common';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { clusterConfigEntry, startClusters } from '../__testUtils__/clusters';
import { gitopsPlugin } from '../plugin';

/*
 * GET /adoption against a kube-emulator cluster holding a brownfield namespace: a team's Deployment, Service and
 * ConfigMap as the API server returns them (defaults filled in, server metadata, status), a Secret, and what
 * adoption must leave alone: objects a controller or Kubernetes made, and objects Argo CD or Flux manage already.
 */

const NS = 'brown';

/** What the API server adds to every object it stores. */
const serverMetadata = (name: string) => ({
  name,
  namespace: NS,
  uid: `uid-${name}`,
  resourceVersion: '4711',
  creationTimestamp: '2026-01-01T00:00:00Z',
  managedFields: [{ manager: 'kubectl', operation: 'Update' }],
});

/** The team's Deployment as they wrote it. */
const authoredDeployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'legacy', namespace: NS, labels: { app: 'legacy' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'legacy' } },
    template: {
      metadata: { labels: { app: 'legacy' } },
      spec: {
        containers: [
          {
            name: 'legacy',
            image: 'ghcr.io/acme/legacy:2.1.0',
            envFrom: [
              { configMapRef: { name: 'legacy-settings' } },
              { secretRef: { name: 'legacy-db' } },
            ],
          },
        ],
      },
    },
  },
});

/** The same Deployment as `kubectl get -o json` shows it. */
function liveDeployment() {
  const d: any = authoredDeployment();
  d.metadata = {
    ...serverMetadata('legacy'),
    labels: d.metadata.labels,
    generation: 3,
    annotations: { 'deployment.kubernetes.io/revision': '3' },
  };
  Object.assign(d.spec, {
    strategy: {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  });
  d.spec.template.metadata.creationTimestamp = null;
  Object.assign(d.spec.template.spec, {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  });
  Object.assign(d.spec.template.spec.containers[0], {
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  });
  d.status = { replicas: 2, readyReplicas: 2 };
  return d;
}

const authoredService = () => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'legacy', namespace: NS },
  spec: {
    selector: { app: 'legacy' },
    ports: [{ port: 80, targetPort: 8080 }],
  },
});

const configMap = (name: string, metadata: object = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: NS, ...metadata },
  data: { mode: 'fast' },
});

const SECRET_VALUE = Buffer.from('brown-db-password').toString('base64');

function namespaceObjects() {
  return [
    liveDeployment(),
    {
      ...authoredService(),
      metadata: serverMetadata('legacy'),
      spec: {
        ...authoredService().spec,
        clusterIP: '10.96.4.2',
        clusterIPs: ['10.96.4.2'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'None',
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
    },
    configMap('legacy-settings', { uid: 'uid-cm', resourceVersion: '12' }),
    configMap('unrelated'),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'legacy-db', namespace: NS },
      type: 'Opaque',
      data: { password: SECRET_VALUE },
    },
    // Made by Kubernetes for every namespace.
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: NS },
    },
    configMap('kube-root-ca.crt'),
    // Made by a controller.
    configMap('legacy-lock', {
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'legacy', uid: 'u' },
      ],
    }),
    // Managed already: Argo CD's tracking annotation, Flux's labels.
    configMap('argo-owned', {
      annotations: {
        'argocd.argoproj.io/tracking-id': `shop:/ConfigMap:${NS}/argo-owned`,
      },
    }),
    {
      ...authoredDeployment(),
      metadata: {
        name: 'flux-owned',
        namespace: NS,
        labels: {
          'kustomize.toolkit.fluxcd.io/name': 'apps',
          'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
        },
      },
    },
  ];
}

/** A namespace whose objects carry Argo CD's default instance label or another one. */
const LABELLED = 'labelled';
const CUSTOM_INSTANCE_LABEL = 'argocd.argoproj.io/instance';
const labelled = (name: string, label: string) => ({
  ...configMap(name, { labels: { [label]: 'shop' } }),
  metadata: { name, namespace: LABELLED, labels: { [label]: 'shop' } },
});

let kube: KubeEmulator;

beforeAll(async () => {
  kube = await startClusters(['dev', 'tracked']);
  kube.cluster('dev').apply(namespaceObjects());
  for (const cluster of ['dev', 'tracked']) {
    kube
      .cluster(cluster)
      .apply([
        labelled('by-default-label', 'app.kubernetes.io/instance'),
        labelled('by-custom-label', CUSTOM_INSTANCE_LABEL),
      ]);
  }
  // Argo CD on `tracked` tracks by another label (argocd-cm `application.instanceLabelKey`).
  kube.cluster('tracked').apply([
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm', namespace: 'argocd' },
      data: { 'application.instanceLabelKey': CUSTOM_INSTANCE_LABEL },
    },
  ]);
});

afterAll(async () => {
  await kube?.close();
});

async function startBackend(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const { server } = await startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.permissions.factory({ result }),
      mockServices.rootConfig.factory({
        data: {
          gitops: {
            clusters: [
              clusterConfigEntry(kube.cluster('dev')),
              clusterConfigEntry(kube.cluster('tracked')),
            ],
            staleAfter: '1h',
          },
        },
      }),
    ],
  });
  return server;
}

type Server = Parameters<typeof request>[0];

const adoption = (server: Server, query: Record<string, string>) =>
  request(server)
    .get('/api/gitops/adoption')
    .query(query)
    .set('authorization', mockCredentials.user.header());

/** `Kind/name` of manifests (metadata.name) and of left-out entries (name), sorted. */
const names = (items: Array<Record<string, any>>) =>
  items.map(i => `${i.kind}/${i.name ?? i.metadata.name}`).sort();

describe('GET /adoption', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startBackend(AuthorizeResult.ALLOW);
  });

  it('gives the team’s objects of a namespace as the manifests they wrote', async () => {
    const res = await adoption(server, { cluster: 'dev', namespace: NS });
    expect(res.status).toBe(200);
    const body = res.body as AdoptionResponse;
    expect(names(body.manifests)).toEqual([
      'ConfigMap/legacy-settings',
      'ConfigMap/unrelated',
      'Deployment/legacy',
      'Service/legacy',
    ]);
    expect(body.manifests.find(m => m.kind === 'Deployment')).toEqual(
      authoredDeployment(),
    );
    expect(body.manifests.find(m => m.kind === 'Service')).toEqual(
      authoredService(),
    );
  });

  it('refuses the Secret, pointing at the add-secret template, without its value', async () => {
    const res = await adoption(server, { cluster: 'dev', namespace: NS });
    expect(res.body.refused).toEqual([
      {
        kind: 'Secret',
        name: 'legacy-db',
        reason: expect.stringContaining('templates/add-secret'),
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(SECRET_VALUE);
  });

  it.each([
    ['the default ServiceAccount', 'ServiceAccount/default', /every namespace/],
    ['kube-root-ca.crt', 'ConfigMap/kube-root-ca.crt', /every namespace/],
    [
      'an object with an owner',
      'ConfigMap/legacy-lock',
      /owner Deployment legacy/,
    ],
    ['an object Argo CD tracks', 'ConfigMap/argo-owned', /argocd:shop/],
    [
      'an object Flux applied',
      'Deployment/flux-owned',
      /kustomize:flux-system\/apps/,
    ],
  ])('skips %s, saying why', async (_what, object, reason) => {
    const res = await adoption(server, { cluster: 'dev', namespace: NS });
    const skipped = res.body.skipped.find(
      (s: { kind: string; name: string }) => `${s.kind}/${s.name}` === object,
    );
    expect(skipped?.reason).toMatch(reason);
  });

  it('gives one workload with the objects it references or that select it', async () => {
    const res = await adoption(server, {
      cluster: 'dev',
      namespace: NS,
      kind: 'Deployment',
      name: 'legacy',
    });
    expect(res.status).toBe(200);
    expect(names(res.body.manifests)).toEqual([
      'ConfigMap/legacy-settings',
      'Deployment/legacy',
      'Service/legacy',
    ]);
    expect(names(res.body.refused)).toEqual(['Secret/legacy-db']);
  });

  it.each([
    [{ cluster: 'dev' }, /namespace/],
    [
      { cluster: 'dev', namespace: 'Not_A_Label' },
      /namespace: must be a DNS-1123 label/,
    ],
    [
      { cluster: 'dev', namespace: NS, kind: 'Deployment' },
      /name: kind and name are given together/,
    ],
    [{ cluster: 'dev', namespace: NS, kind: 'Pod', name: 'x' }, /kind/],
    [
      { cluster: 'nowhere', namespace: NS },
      /cluster: nowhere is no configured cluster/,
    ],
    [
      { cluster: 'dev', namespace: NS, kind: 'Deployment', name: 'flux-owned' },
      /name: Deployment flux-owned is not adopted: managed already/,
    ],
  ])('answers 400 naming the field for %j', async (query, message) => {
    const res = await adoption(server, query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it.each([
    ['dev', 'no argocd-cm: the default', 'by-default-label', 'by-custom-label'],
    ['tracked', 'its argocd-cm', 'by-custom-label', 'by-default-label'],
  ])(
    'skips what Argo CD on %s tracks by the instance label of %s',
    async (cluster, _, tracked, adopted) => {
      const res = await adoption(server, { cluster, namespace: LABELLED });
      const body = res.body as AdoptionResponse;
      expect([names(body.manifests), body.skipped]).toEqual([
        [`ConfigMap/${adopted}`],
        [
          {
            kind: 'ConfigMap',
            name: tracked,
            reason: 'managed already (argocd:shop)',
          },
        ],
      ]);
    },
  );

  it('answers 404 for a workload the namespace does not have', async () => {
    const res = await adoption(server, {
      cluster: 'dev',
      namespace: NS,
      kind: 'StatefulSet',
      name: 'legacy',
    });
    expect(res.status).toBe(404);
  });
});

describe('GET /adoption without permission', () => {
  it('answers 403 to a caller not allowed to read unowned objects', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const res = await adoption(server, { cluster: 'dev', namespace: NS });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('gitops.status.read');
  });
});
