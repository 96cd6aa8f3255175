import { ResourceType } from './resourceType';

function builtin(
  group: string,
  version: string,
  plural: string,
  kind: string,
  opts: Partial<ResourceType> = {},
): ResourceType {
  return {
    group,
    versions: [version],
    plural,
    singular: kind.toLowerCase(),
    kind,
    listKind: `${kind}List`,
    namespaced: true,
    shortNames: [],
    categories: [],
    statusSubresource: false,
    builtin: true,
    returnsDeletedObject: false,
    fieldSelectors: [],
    ...opts,
  };
}

const RBAC = 'rbac.authorization.k8s.io';

/** The built-in resources the emulator serves, in the order discovery lists them. */
export function builtinResources(): ResourceType[] {
  return [
    builtin('', 'v1', 'namespaces', 'Namespace', {
      namespaced: false,
      shortNames: ['ns'],
      statusSubresource: true,
      returnsDeletedObject: true,
      fieldSelectors: ['status.phase'],
    }),
    builtin('', 'v1', 'configmaps', 'ConfigMap', { shortNames: ['cm'] }),
    builtin('', 'v1', 'secrets', 'Secret', { fieldSelectors: ['type'] }),
    builtin('', 'v1', 'services', 'Service', {
      shortNames: ['svc'],
      categories: ['all'],
      statusSubresource: true,
      returnsDeletedObject: true,
    }),
    builtin('', 'v1', 'serviceaccounts', 'ServiceAccount', {
      shortNames: ['sa'],
    }),
    builtin('', 'v1', 'pods', 'Pod', {
      shortNames: ['po'],
      categories: ['all'],
      statusSubresource: true,
      returnsDeletedObject: true,
      fieldSelectors: ['spec.nodeName', 'status.phase'],
    }),
    builtin('', 'v1', 'events', 'Event', {
      shortNames: ['ev'],
      fieldSelectors: [
        'involvedObject.kind',
        'involvedObject.namespace',
        'involvedObject.name',
        'involvedObject.uid',
        'involvedObject.apiVersion',
        'involvedObject.resourceVersion',
        'involvedObject.fieldPath',
        'reason',
        'reportingComponent',
        'source',
        'type',
      ],
    }),
    builtin('apps', 'v1', 'deployments', 'Deployment', {
      shortNames: ['deploy'],
      categories: ['all'],
      statusSubresource: true,
    }),
    builtin('apps', 'v1', 'replicasets', 'ReplicaSet', {
      shortNames: ['rs'],
      categories: ['all'],
      statusSubresource: true,
    }),
    // The workloads an Argo CD Application manages that the portal reads (besides Deployment and Service).
    builtin('apps', 'v1', 'statefulsets', 'StatefulSet', {
      shortNames: ['sts'],
      categories: ['all'],
      statusSubresource: true,
    }),
    builtin('apps', 'v1', 'daemonsets', 'DaemonSet', {
      shortNames: ['ds'],
      categories: ['all'],
      statusSubresource: true,
    }),
    builtin('batch', 'v1', 'jobs', 'Job', {
      categories: ['all'],
      statusSubresource: true,
    }),
    builtin('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', {
      shortNames: ['pvc'],
      statusSubresource: true,
    }),
    builtin('networking.k8s.io', 'v1', 'ingresses', 'Ingress', {
      shortNames: ['ing'],
      statusSubresource: true,
    }),
    builtin(
      'autoscaling',
      'v2',
      'horizontalpodautoscalers',
      'HorizontalPodAutoscaler',
      { shortNames: ['hpa'], categories: ['all'], statusSubresource: true },
    ),
    builtin(
      'apiextensions.k8s.io',
      'v1',
      'customresourcedefinitions',
      'CustomResourceDefinition',
      {
        namespaced: false,
        shortNames: ['crd', 'crds'],
        categories: ['api-extensions'],
        statusSubresource: true,
        returnsDeletedObject: true,
      },
    ),
    builtin(RBAC, 'v1', 'roles', 'Role'),
    builtin(RBAC, 'v1', 'rolebindings', 'RoleBinding'),
    builtin(RBAC, 'v1', 'clusterroles', 'ClusterRole', { namespaced: false }),
    builtin(RBAC, 'v1', 'clusterrolebindings', 'ClusterRoleBinding', {
      namespaced: false,
    }),
  ];
}

/** Namespaces every fresh cluster has. */
export const DEFAULT_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/** Namespaces the real server refuses to delete. */
export const UNDELETABLE_NAMESPACES = ['default', 'kube-system', 'kube-public'];
