import type { ObjectRef } from '../schema';
import { objectRefOf, NORMALIZE_LIMITS } from './engineStatus';
import { asArray, asText, at } from './raw';

/**
 * A Flux Kustomization's or HelmRelease's `spec.dependsOn[]`: the objects of its kind that must be Ready before
 * it is applied (a namespace left out is its own). Undefined for other kinds and when it depends on nothing.
 */
export function fluxDependsOn(obj: unknown): ObjectRef[] | undefined {
  const kind = asText(at(obj, 'kind'));
  if (kind !== 'Kustomization' && kind !== 'HelmRelease') return undefined;
  const namespace = asText(at(obj, 'metadata', 'namespace'));
  const refs = (asArray(at(obj, 'spec', 'dependsOn')) ?? [])
    .map(entry => objectRefOf(entry))
    .filter((ref): ref is ObjectRef => ref !== undefined)
    .slice(0, NORMALIZE_LIMITS.resources)
    .map(ref => ({
      kind,
      name: ref.name,
      ...(ref.namespace ?? namespace
        ? { namespace: ref.namespace ?? namespace }
        : {}),
    }));
  return refs.length > 0 ? refs : undefined;
}
