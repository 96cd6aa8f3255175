import { KubeObject, ObjectMeta } from '../types';
import { ResourceType } from './resourceType';

export const CRD_GROUP = 'apiextensions.k8s.io';

export const isCrd = (rt: ResourceType) =>
  rt.group === CRD_GROUP && rt.plural === 'customresourcedefinitions';
export const isNamespace = (rt: ResourceType) =>
  rt.group === '' && rt.plural === 'namespaces';
export const subject = (rt: ResourceType, name?: string) => ({
  group: rt.group,
  plural: rt.plural,
  name,
});

export interface WriteOptions {
  dryRun?: boolean;
}

/** Builds metadata in the order kube-apiserver prints it, server-managed fields first. */
export function orderedMeta(meta: ObjectMeta, managed: ObjectMeta): ObjectMeta {
  const {
    name: _n,
    generateName,
    namespace: _ns,
    uid: _u,
    resourceVersion: _r,
    generation: _g,
    creationTimestamp: _c,
    deletionTimestamp: _d,
    deletionGracePeriodSeconds: _dg,
    selfLink: _s,
    ...rest
  } = meta;
  const result: ObjectMeta = { name: managed.name };
  if (generateName) result.generateName = generateName;
  if (managed.namespace) result.namespace = managed.namespace;
  Object.assign(result, {
    uid: managed.uid,
    resourceVersion: managed.resourceVersion,
    generation: managed.generation,
    creationTimestamp: managed.creationTimestamp,
  });
  if (managed.deletionTimestamp) {
    result.deletionTimestamp = managed.deletionTimestamp;
    result.deletionGracePeriodSeconds = managed.deletionGracePeriodSeconds ?? 0;
  }
  return Object.assign(result, rest);
}

export function assemble(
  body: KubeObject,
  meta: ObjectMeta,
  status: unknown,
): KubeObject {
  const { apiVersion, kind, metadata: _m, status: _s, ...rest } = body;
  const obj: KubeObject = { apiVersion, kind, metadata: meta, ...rest };
  if (status !== undefined) obj.status = status;
  return obj;
}
