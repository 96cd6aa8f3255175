import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
// Tests only: the adopt action reads through the real gitops backend over HTTP, as it does in production.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import gitopsPlugin from '@gitops-portal/plugin-gitops-backend';
import { KubeEmulator, startKubeEmulator } from '@internal/kube-emulator';
import { AddressInfo } from 'node:net';
import { GitopsBackendDeps } from '../actions/gitopsBackend';

export const ADOPT_NAMESPACE = 'legacy';
/** A namespace whose one Deployment sets no resource limits: the portal's policy refuses it. */
export const UNBOUNDED_NAMESPACE = 'unbounded';
/** The Secret's value: it must appear in no pull request, log or output. */
export const LEGACY_DB_PASSWORD = 'legacy-db-password-7f3a';

/** The legacy Deployment as its team wrote it (what adoption must give back). */
export const authoredLegacyDeployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'legacy',
    namespace: ADOPT_NAMESPACE,
    labels: { app: 'legacy' },
  },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'legacy' } },
    template: {
      metadata: { labels: { app: 'legacy' } },
      spec: {
        containers: [
          {
            name: 'legacy',
            image: 'ghcr.io/acme/legacy:2.1.0',
            resources: { limits: { cpu: '500m', memory: '256Mi' } },
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

/** The namespace as the API server serves it: the team's objects with defaults and status filled in, a Secret. */
function legacyNamespace() {
  const deployment: any = authoredLegacyDeployment();
  Object.assign(deployment.spec, {
    strategy: {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  });
  Object.assign(deployment.spec.template.spec, {
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
  });
  Object.assign(deployment.spec.template.spec.containers[0], {
    imagePullPolicy: 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  });
  deployment.metadata.annotations = {
    'deployment.kubernetes.io/revision': '1',
  };
  deployment.status = { replicas: 1, readyReplicas: 1 };
  return [
    deployment,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'legacy', namespace: ADOPT_NAMESPACE },
      spec: {
        selector: { app: 'legacy' },
        clusterIP: '10.96.8.1',
        clusterIPs: ['10.96.8.1'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'legacy-settings', namespace: ADOPT_NAMESPACE },
      data: { mode: 'fast' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'legacy-db', namespace: ADOPT_NAMESPACE },
      type: 'Opaque',
      data: { password: Buffer.from(LEGACY_DB_PASSWORD).toString('base64') },
    },
  ];
}

/** A Deployment as a team wrote it without resource limits. */
function unboundedNamespace() {
  const deployment: any = authoredLegacyDeployment();
  deployment.metadata = { name: 'unbounded', namespace: UNBOUNDED_NAMESPACE };
  delete deployment.spec.template.spec.containers[0].resources;
  delete deployment.spec.template.spec.containers[0].envFrom;
  return [deployment];
}

/**
 * A kube-emulator cluster `dev` with the legacy and unbounded namespaces and a gitops backend reading it (permission decisions
 * `result`), for the adopt action's tests: the action reaches the backend over HTTP as in production.
 */
export function useAdoptionBackend(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  let kube: KubeEmulator | undefined;
  let baseUrl = '';
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    kube = await startKubeEmulator({ clusters: [{ name: 'dev' }] });
    const cluster = kube.cluster('dev');
    cluster.apply([...legacyNamespace(), ...unboundedNamespace()]);
    const backend = await startTestBackend({
      features: [
        gitopsPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.permissions.factory({ result }),
        mockServices.rootConfig.factory({
          data: {
            gitops: {
              clusters: [
                {
                  name: 'dev',
                  environment: 'dev',
                  url: cluster.url,
                  skipTLSVerify: true,
                  serviceAccountToken: cluster.token,
                },
              ],
              staleAfter: '1h',
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}/api/gitops`;
    stop = () => backend.stop();
  });
  afterAll(async () => {
    await stop?.();
    await kube?.close();
  });

  return {
    /** The way to the backend, as module.ts builds it from the discovery and auth services. */
    deps(): GitopsBackendDeps {
      return {
        discovery: {
          getBaseUrl: async () => baseUrl,
          getExternalBaseUrl: async () => baseUrl,
        },
        auth: mockServices.auth(),
      };
    },
  };
}
