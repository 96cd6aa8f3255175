import { KubeClient, KubeRequestError } from '../KubeClient';
import { EstateList } from './estateKinds';

type Manifest = Record<string, any>;

/** Lists every object of one kind, all pages (list items carry no apiVersion/kind: they are set from `list`). */
export type ListAll = (
  list: EstateList,
  query?: Record<string, string>,
) => Promise<Manifest[]>;

/** The REST path and scope of a kind, from discovery; undefined when the cluster does not serve it. */
async function servedKind(
  client: KubeClient,
  apiVersion: string,
  kind: string,
): Promise<{ collection: string; namespaced: boolean } | undefined> {
  const root = apiVersion.includes('/')
    ? `/apis/${apiVersion}`
    : `/api/${apiVersion}`;
  let answer: Record<string, any>;
  try {
    answer = await client.getJson(root);
  } catch (error) {
    if (error instanceof KubeRequestError && error.status === 404) {
      return undefined;
    }
    throw error;
  }
  const resource = (Array.isArray(answer.resources) ? answer.resources : [])
    .filter((r: any) => typeof r?.name === 'string' && !r.name.includes('/'))
    .find((r: any) => r.kind === kind);
  return resource
    ? {
        collection: `${root}/${resource.name}`,
        namespaced: !!resource.namespaced,
      }
    : undefined;
}

const keyOf = (o: Manifest) =>
  `${o.apiVersion}|${o.kind}|${o.metadata?.namespace ?? ''}|${
    o.metadata?.name
  }`;

/**
 * The param objects the cluster's ValidatingAdmissionPolicyBindings point at (`paramRef` to the policy's
 * `paramKind`): by name (`metadata.name` field selector) or, for a selector, every object of the kind in the
 * namespace, which validation then matches. A Secret is never read, whatever a policy asks: validation has no
 * business with secret values (such a policy is reported as skipped for want of its params).
 */
export async function readParams(
  client: KubeClient,
  policyObjects: Manifest[],
  listAll: ListAll,
): Promise<Manifest[]> {
  const policies = new Map(
    policyObjects
      .filter(o => o.kind === 'ValidatingAdmissionPolicy')
      .map(o => [o.metadata?.name, o]),
  );
  const params = new Map<string, Manifest>();
  for (const binding of policyObjects.filter(
    o => o.kind === 'ValidatingAdmissionPolicyBinding',
  )) {
    const paramKind = policies.get(binding.spec?.policyName)?.spec?.paramKind;
    const ref = binding.spec?.paramRef;
    if (typeof paramKind?.apiVersion !== 'string') continue;
    if (typeof paramKind?.kind !== 'string' || !ref) continue;
    if (paramKind.apiVersion === 'v1' && paramKind.kind === 'Secret') continue;
    const served = await servedKind(
      client,
      paramKind.apiVersion,
      paramKind.kind,
    );
    if (!served) continue;
    const [prefix, plural] = [
      served.collection.slice(0, served.collection.lastIndexOf('/')),
      served.collection.slice(served.collection.lastIndexOf('/') + 1),
    ];
    const path =
      served.namespaced && typeof ref.namespace === 'string'
        ? `${prefix}/namespaces/${ref.namespace}/${plural}`
        : served.collection;
    const found = await listAll(
      { path, apiVersion: paramKind.apiVersion, kind: paramKind.kind },
      typeof ref.name === 'string'
        ? { fieldSelector: `metadata.name=${ref.name}` }
        : {},
    );
    for (const param of found) params.set(keyOf(param), param);
  }
  return [...params.values()];
}
