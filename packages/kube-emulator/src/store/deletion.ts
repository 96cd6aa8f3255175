import { ApiError, errors } from '../apiError';
import { KubeObject } from '../types';
import { UNDELETABLE_NAMESPACES } from './builtins';
import {
  isCrd,
  isNamespace,
  orderedMeta,
  subject,
  WriteOptions,
} from './metadata';
import { nowTimestamp } from './objects';
import { ResourceType } from './resourceType';
import { ClusterStore } from './store';

export interface DeleteOptions extends WriteOptions {
  /** Ignore finalizers (library remove()). */
  force?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export function deleteObject(
  store: ClusterStore,
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
  opts: DeleteOptions = {},
): { object: KubeObject; removed: boolean } {
  const old = store.get(rt, namespace, name);
  if (!old) throw errors.notFound(subject(rt, name));
  const pre = opts.preconditions;
  if (
    (pre?.uid && pre.uid !== old.metadata.uid) ||
    (pre?.resourceVersion &&
      pre.resourceVersion !== old.metadata.resourceVersion)
  ) {
    throw errors.conflict(subject(rt, name));
  }
  if (isNamespace(rt) && UNDELETABLE_NAMESPACES.includes(name) && !opts.force) {
    throw new ApiError(
      403,
      'Forbidden',
      `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      { name, kind: 'namespaces' },
    );
  }
  if (opts.dryRun) return { object: old, removed: true };
  if (!opts.force && (old.metadata.finalizers ?? []).length > 0) {
    if (old.metadata.deletionTimestamp) return { object: old, removed: false };
    const marked: KubeObject = {
      ...old,
      metadata: {
        ...old.metadata,
        deletionTimestamp: nowTimestamp(),
        deletionGracePeriodSeconds: 0,
      },
    };
    marked.metadata = orderedMeta(marked.metadata, {
      ...marked.metadata,
      resourceVersion: String(store.nextResourceVersion()),
    });
    store.commit('MODIFIED', rt, marked, old);
    return { object: marked, removed: false };
  }
  store.nextResourceVersion();
  const gone = {
    ...old,
    metadata: {
      ...old.metadata,
      resourceVersion: String(store.resourceVersion),
    },
  };
  return { object: removeNow(store, rt, gone), removed: true };
}

/** Removes an object (already stamped with the deletion RV) and whatever the real server removes with it. */
export function removeNow(
  store: ClusterStore,
  rt: ResourceType,
  obj: KubeObject,
): KubeObject {
  const previous = store.get(rt, obj.metadata.namespace, obj.metadata.name!);
  store.commit('DELETED', rt, obj, previous);
  if (isCrd(rt)) {
    const owned = store.registry.unregisterCrd(obj.metadata.name!);
    if (owned) removeAll(store, owned, store.list(owned));
  }
  if (isNamespace(rt)) {
    for (const type of store.registry.all().filter(t => t.namespaced)) {
      removeAll(store, type, store.list(type, obj.metadata.name));
    }
  }
  return obj;
}

function removeAll(
  store: ClusterStore,
  rt: ResourceType,
  objects: KubeObject[],
) {
  for (const o of objects) {
    store.nextResourceVersion();
    store.commit(
      'DELETED',
      rt,
      {
        ...o,
        metadata: {
          ...o.metadata,
          resourceVersion: String(store.resourceVersion),
        },
      },
      o,
    );
  }
}
