import { KubeClient, KubeRequestError } from '../KubeClient';

type Manifest = Record<string, any>;

/** A kind adoption reads: what a team writes to deploy a workload, with the resource path the API serves it at. */
interface AdoptableKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
}

const kind = (
  group: string,
  version: string,
  name: string,
  plural: string,
): AdoptableKind => ({ group, version, kind: name, plural });

/**
 * The kinds adoption lists in a namespace. Objects controllers make (ReplicaSets, Pods, Endpoints,
 * EndpointSlices, Events, Jobs of a CronJob) are not among them; the few that could be (a Job) carry an owner.
 */
const ADOPTABLE_KINDS: AdoptableKind[] = [
  kind('apps', 'v1', 'Deployment', 'deployments'),
  kind('apps', 'v1', 'StatefulSet', 'statefulsets'),
  kind('apps', 'v1', 'DaemonSet', 'daemonsets'),
  kind('batch', 'v1', 'CronJob', 'cronjobs'),
  kind('', 'v1', 'Service', 'services'),
  kind('', 'v1', 'ConfigMap', 'configmaps'),
  kind('', 'v1', 'Secret', 'secrets'),
  kind('', 'v1', 'ServiceAccount', 'serviceaccounts'),
  kind('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims'),
  kind('networking.k8s.io', 'v1', 'Ingress', 'ingresses'),
  kind('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies'),
  kind(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
  ),
  kind('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets'),
  kind('rbac.authorization.k8s.io', 'v1', 'Role', 'roles'),
  kind('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings'),
];

/** Objects per list page. */
const PAGE_SIZE = 500;

/**
 * Every object of the adoptable kinds in a namespace, with apiVersion and kind set (a list's items have neither).
 * A kind the cluster does not serve (404) has none.
 */
export async function listNamespace(
  client: KubeClient,
  namespace: string,
): Promise<Manifest[]> {
  const perKind = await Promise.all(
    ADOPTABLE_KINDS.map(async ({ group, version, kind: name, plural }) => {
      const apiVersion = group ? `${group}/${version}` : version;
      const base = group ? `/apis/${apiVersion}` : `/api/${version}`;
      const path = `${base}/namespaces/${encodeURIComponent(
        namespace,
      )}/${plural}`;
      const items: Manifest[] = [];
      let token: string | undefined;
      try {
        do {
          const page = (await client.getJson(path, {
            limit: PAGE_SIZE,
            continue: token,
          })) as Manifest;
          for (const item of (page.items as Manifest[]) ?? []) {
            items.push({ apiVersion, kind: name, ...item });
          }
          token = page.metadata?.continue || undefined;
        } while (token);
      } catch (error) {
        if (error instanceof KubeRequestError && error.status === 404)
          return [];
        throw error;
      }
      return items;
    }),
  );
  return perKind.flat();
}
