/*
 * A brownfield workload for the adopt-workload golden path: `legacy-billing` in the dev cluster, deployed by hand
 * (`kubectl apply`) before the team had GitOps, so neither Argo CD nor Flux manages it. Its objects look as the API
 * server serves them: server metadata, the defaults it fills in, status, the last-applied annotation. Its Secret is
 * what adoption refuses (the add-secret template is the way for it); the default ServiceAccount and
 * `kube-root-ca.crt` are what Kubernetes makes in every namespace and adoption skips.
 */

/** The namespace, the workload, the catalog entity's `backstage.io/kubernetes-id` (demo/catalog/adoption.yaml). */
export const UNMANAGED_WORKLOAD = 'legacy-billing';
/** The only cluster it runs in. */
export const UNMANAGED_WORKLOAD_ENVIRONMENT = 'dev';

const NS = UNMANAGED_WORKLOAD;
const CREATED = '2025-11-03T09:12:44Z';

/** Metadata the API server writes on every object it stores. */
const serverMetadata = (
  kind: string,
  name: string,
  extra: Record<string, unknown> = {},
) => {
  return {
    name,
    namespace: NS,
    uid: `sandbox-${kind.toLowerCase()}-${name}`,
    resourceVersion: '81042',
    creationTimestamp: CREATED,
    managedFields: [
      {
        manager: 'kubectl-client-side-apply',
        operation: 'Update',
        apiVersion: 'v1',
        time: CREATED,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
      },
    ],
    ...extra,
  };
};

/** What `kubectl apply` stored of the manifest it applied (the last-applied annotation). */
const lastApplied = (manifest: object) => ({
  'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(manifest),
});

const labels = { app: UNMANAGED_WORKLOAD };

function deployment() {
  const container = {
    name: 'billing',
    image: 'ghcr.io/acme/legacy-billing:3.2.1',
    ports: [{ containerPort: 8080, protocol: 'TCP' }],
    envFrom: [
      { configMapRef: { name: 'legacy-billing-settings' } },
      { secretRef: { name: 'legacy-billing-db' } },
    ],
    resources: {
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '100m', memory: '128Mi' },
    },
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: serverMetadata('Deployment', UNMANAGED_WORKLOAD, {
      generation: 4,
      labels,
      annotations: {
        'deployment.kubernetes.io/revision': '4',
        ...lastApplied({ kind: 'Deployment', name: UNMANAGED_WORKLOAD }),
      },
    }),
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { creationTimestamp: null, labels },
        spec: {
          containers: [
            {
              ...container,
              imagePullPolicy: 'IfNotPresent',
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 4,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
        },
      ],
    },
  };
}

function service() {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: serverMetadata('Service', UNMANAGED_WORKLOAD, { labels }),
    spec: {
      selector: labels,
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
      type: 'ClusterIP',
      clusterIP: '10.96.120.14',
      clusterIPs: ['10.96.120.14'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  };
}

/** The unmanaged namespace's objects, as the dev cluster serves them. */
export function unmanagedWorkloadObjects(): Array<Record<string, unknown>> {
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: NS,
        uid: `sandbox-namespace-${NS}`,
        resourceVersion: '80999',
        creationTimestamp: CREATED,
        labels: { 'kubernetes.io/metadata.name': NS },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
    deployment(),
    service(),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: serverMetadata('ConfigMap', 'legacy-billing-settings'),
      data: { INVOICE_CURRENCY: 'EUR', LOG_LEVEL: 'info' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: serverMetadata('Secret', 'legacy-billing-db'),
      type: 'Opaque',
      // A sandbox placeholder, not a credential: adoption must never write it to Git.
      data: {
        password: Buffer.from('sandbox-only-billing').toString('base64'),
      },
    },
    // What Kubernetes makes in every namespace.
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: serverMetadata('ServiceAccount', 'default'),
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: serverMetadata('ConfigMap', 'kube-root-ca.crt', {
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service (ClusterIP) or Kubernetes Service (KUBERNETES_SERVICE_HOST) in this namespace.',
        },
      }),
      data: { 'ca.crt': 'sandbox placeholder' },
    },
  ];
}
