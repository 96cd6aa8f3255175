import { randomUUID } from 'node:crypto';
import { errors } from '../apiError';
import { KubeObject, ObjectMeta } from '../types';
import { DEFAULT_NAMESPACES } from './builtins';
import { establishedCrdStatus, validateCrd } from './crdResource';
import { removeNow } from './deletion';
import {
  assemble,
  CRD_GROUP,
  isCrd,
  isNamespace,
  orderedMeta,
  subject,
  WriteOptions,
} from './metadata';
import {
  deepClone,
  deepEqual,
  generateNameSuffix,
  nowTimestamp,
  specChanged,
} from './objects';
import { ClusterStore } from './store';
import { ResourceType } from './resourceType';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function validateName(rt: ResourceType, name: string) {
  const ok =
    rt.group === 'rbac.authorization.k8s.io'
      ? !/[/%]/.test(name) && name !== '.' && name !== '..'
      : name.length <= 253 && DNS_SUBDOMAIN.test(name);
  if (!ok) {
    throw errors.invalid(
      rt.kind,
      rt.builtin ? '' : rt.group,
      name,
      `metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    );
  }
}

/** Server-set fields for kinds the real control plane fills in immediately. */
function serverStatus(
  rt: ResourceType,
  obj: KubeObject,
  old?: KubeObject,
): unknown {
  if (isCrd(rt)) {
    const fresh = establishedCrdStatus(obj);
    const prev = old?.status as Record<string, unknown> | undefined;
    const sameNames =
      prev &&
      deepEqual(prev.acceptedNames, fresh.acceptedNames) &&
      deepEqual(prev.storedVersions, fresh.storedVersions);
    return sameNames ? prev : fresh;
  }
  if (isNamespace(rt))
    return { phase: obj.metadata.deletionTimestamp ? 'Terminating' : 'Active' };
  return obj.status;
}

/** kube-apiserver keeps this label on every namespace, whatever the client sends. */
function addNamespaceNameLabel(meta: ObjectMeta, name: string) {
  meta.labels = { ...meta.labels, 'kubernetes.io/metadata.name': name };
}

export interface CreateOptions extends WriteOptions {
  /** Seeding keeps the given status; over HTTP a status subresource resets it like the real server. */
  keepStatus?: boolean;
  /** Seeding may pin uid/creationTimestamp (fixtures); over HTTP the server always sets them. */
  keepIdentity?: boolean;
  requireNamespace?: boolean;
}

export function createObject(
  store: ClusterStore,
  rt: ResourceType,
  body: KubeObject,
  opts: CreateOptions = {},
): KubeObject {
  const meta = body.metadata ?? {};
  let name = meta.name;
  if (!name && meta.generateName)
    name = `${meta.generateName}${generateNameSuffix()}`;
  if (!name) {
    throw errors.invalid(
      rt.kind,
      rt.builtin ? '' : rt.group,
      '',
      'metadata.name: Required value: name or generateName is required',
    );
  }
  validateName(rt, name);
  if (meta.resourceVersion && !opts.keepIdentity) {
    throw errors.internal(
      'resourceVersion should not be set on objects to be created',
    );
  }
  const namespace = rt.namespaced ? meta.namespace || 'default' : undefined;
  if (
    namespace &&
    opts.requireNamespace &&
    !store.get(nsType(store), undefined, namespace)
  ) {
    throw errors.notFound({ group: '', plural: 'namespaces', name: namespace });
  }
  if (store.get(rt, namespace, name))
    throw errors.alreadyExists(subject(rt, name));
  if (isCrd(rt)) {
    const problem = validateCrd({ ...body, metadata: { ...meta, name } });
    if (problem)
      throw errors.invalid(
        'CustomResourceDefinition',
        CRD_GROUP,
        name,
        problem,
      );
  }
  const keep = opts.keepIdentity;
  const managed: ObjectMeta = {
    name,
    namespace,
    uid: (keep && meta.uid) || randomUUID(),
    resourceVersion: opts.dryRun
      ? undefined
      : String(store.resourceVersion + 1),
    generation: 1,
    creationTimestamp: (keep && meta.creationTimestamp) || nowTimestamp(),
  };
  const newMeta = orderedMeta(deepClone(meta), managed);
  if (isNamespace(rt)) addNamespaceNameLabel(newMeta, name);
  const keptStatus =
    opts.keepStatus || !rt.statusSubresource
      ? deepClone(body.status)
      : undefined;
  const obj = assemble(deepClone(body), newMeta, keptStatus);
  const status = serverStatus(rt, obj);
  if (status !== undefined) obj.status = status;
  if (opts.dryRun) return obj;
  store.nextResourceVersion();
  store.commit('ADDED', rt, obj);
  if (isCrd(rt)) store.registry.registerCrd(obj);
  return obj;
}

export type UpdateMode = 'main' | 'status' | 'replace';

export interface UpdateOptions extends WriteOptions {
  /** main: status kept for status-subresource kinds; status: only .status changes; replace: everything (seeding). */
  mode?: UpdateMode;
}

export function updateObject(
  store: ClusterStore,
  rt: ResourceType,
  body: KubeObject,
  opts: UpdateOptions = {},
): KubeObject {
  const mode = opts.mode ?? 'main';
  const name = body.metadata.name!;
  const old = store.get(rt, body.metadata.namespace, name);
  if (!old) throw errors.notFound(subject(rt, name));
  const wantedRv = body.metadata.resourceVersion;
  if (
    mode !== 'replace' &&
    wantedRv &&
    wantedRv !== old.metadata.resourceVersion
  ) {
    throw errors.conflict(subject(rt, name));
  }
  if (isCrd(rt) && mode !== 'status') {
    const problem = validateCrd(body);
    if (problem)
      throw errors.invalid(
        'CustomResourceDefinition',
        CRD_GROUP,
        name,
        problem,
      );
  }
  let next: KubeObject;
  if (mode === 'status') {
    next = { ...old, status: deepClone(body.status) };
  } else {
    const keepOldStatus = mode === 'main' && rt.statusSubresource;
    const status = keepOldStatus ? old.status : deepClone(body.status);
    next = assemble(
      deepClone(body),
      orderedMeta(deepClone(body.metadata), old.metadata),
      status,
    );
    const serverSet = serverStatus(rt, next, old);
    if (serverSet !== undefined) next.status = serverSet;
    if (isNamespace(rt)) addNamespaceNameLabel(next.metadata, name);
  }
  const generation =
    (old.metadata.generation ?? 1) + (specChanged(old, next) ? 1 : 0);
  next.metadata = {
    ...next.metadata,
    generation,
    resourceVersion: old.metadata.resourceVersion,
  };
  if (deepEqual(old, next)) return old; // no-op writes do not bump the resourceVersion
  const finishing =
    next.metadata.deletionTimestamp && !(next.metadata.finalizers ?? []).length;
  if (opts.dryRun) return next;
  next.metadata.resourceVersion = String(store.nextResourceVersion());
  if (finishing) {
    removeNow(store, rt, next);
    return next;
  }
  store.commit('MODIFIED', rt, next, old);
  if (isCrd(rt)) store.registry.registerCrd(next);
  return next;
}

function nsType(store: ClusterStore): ResourceType {
  return store.registry.find('', 'v1', 'namespaces')!;
}

/** Makes sure a namespace object exists (seeding convenience and fresh clusters). */
export function ensureNamespace(store: ClusterStore, name: string) {
  const rt = nsType(store);
  if (!store.get(rt, undefined, name)) {
    createObject(store, rt, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
    });
  }
}

export function ensureDefaultNamespaces(store: ClusterStore) {
  for (const ns of DEFAULT_NAMESPACES) ensureNamespace(store, ns);
}
