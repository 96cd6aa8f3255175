import { KubeObject } from '../types';
import { groupVersion, ResourceType } from '../store/resourceType';

/** The object as served at a version: same data, apiVersion of the request (no conversion, like `strategy: None`). */
export function present(
  obj: KubeObject,
  rt: ResourceType,
  version: string,
): KubeObject {
  const gv = groupVersion(rt.group, version);
  return obj.apiVersion === gv ? obj : { ...obj, apiVersion: gv };
}

/** A list item: built-in typed lists omit apiVersion/kind on items; custom resources keep them. */
export function presentItem(
  obj: KubeObject,
  rt: ResourceType,
  version: string,
): Record<string, unknown> {
  if (rt.builtin) {
    const { apiVersion: _a, kind: _k, ...rest } = obj;
    return rest;
  }
  return present(obj, rt, version);
}
