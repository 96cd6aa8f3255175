import { ApiError } from '../apiError';
import { KubeObject } from '../types';
import { createObject, ensureNamespace, updateObject } from './mutations';
import { ResourceType, splitApiVersion } from './resourceType';
import { ClusterStore } from './store';

/** Finds the resource of an apiVersion/kind pair, or explains what is missing. */
export function resolveKind(
  store: ClusterStore,
  apiVersion: string,
  kind: string,
): ResourceType {
  const { group, version } = splitApiVersion(apiVersion);
  const rt = store.registry.findByKind(group, version, kind);
  if (!rt) {
    throw new Error(
      `no resource for ${apiVersion} ${kind} (apply its CustomResourceDefinition first)`,
    );
  }
  return rt;
}

// CRDs and namespaces first, so one seed file can hold everything in any order.
function priority(obj: KubeObject): number {
  if (obj.kind === 'CustomResourceDefinition') return 0;
  if (obj.kind === 'Namespace' && obj.apiVersion === 'v1') return 1;
  return 2;
}

function applyOne(store: ClusterStore, obj: KubeObject): KubeObject {
  if (
    !obj ||
    typeof obj !== 'object' ||
    !obj.apiVersion ||
    !obj.kind ||
    !obj.metadata?.name
  ) {
    throw new Error('every object needs apiVersion, kind and metadata.name');
  }
  const rt = resolveKind(store, obj.apiVersion, obj.kind);
  const namespace = rt.namespaced
    ? obj.metadata.namespace || 'default'
    : undefined;
  if (namespace) ensureNamespace(store, namespace);
  const body: KubeObject = { ...obj, metadata: { ...obj.metadata, namespace } };
  try {
    return store.get(rt, namespace, obj.metadata.name)
      ? updateObject(store, rt, body, { mode: 'replace' })
      : createObject(store, rt, body, { keepStatus: true, keepIdentity: true });
  } catch (e) {
    if (e instanceof ApiError)
      throw new Error(
        `cannot apply ${obj.kind} ${obj.metadata.name}: ${e.message}`,
      );
    throw e;
  }
}

/** Upserts objects like the server would (RV, generation, events); returns them in input order. */
export function applyObjects(
  store: ClusterStore,
  objects: KubeObject[],
): KubeObject[] {
  const order = objects.map((obj, index) => ({ obj, index }));
  order.sort((a, b) => priority(a.obj) - priority(b.obj) || a.index - b.index);
  const results: KubeObject[] = new Array(objects.length);
  for (const { obj, index } of order) results[index] = applyOne(store, obj);
  return results;
}
