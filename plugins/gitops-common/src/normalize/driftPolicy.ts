import { DriftPolicyStatus } from '../schema';
import { compact } from './engineStatus';
import { asArray, asString, at } from './raw';

/*
 * The drift policy an engine object runs with, read from its spec for the entity's environment view. Absent spec
 * fields take the engine's own defaults, not the golden path's: Argo CD's automated sync prunes and self-heals only
 * when told to.
 */

const isTrue = (value: unknown) => value === true;

/**
 * An Argo CD Application's `syncPolicy.automated` (auto-sync on unless absent or `enabled: false`), its `selfHeal`
 * and `prune`, and how many `ignoreDifferences` entries it has.
 */
export function argoDriftPolicy(spec: unknown): DriftPolicyStatus {
  const automated = at(spec, 'syncPolicy', 'automated');
  const on =
    !!automated &&
    typeof automated === 'object' &&
    at(automated, 'enabled') !== false;
  const rules = asArray(at(spec, 'ignoreDifferences'))?.length ?? 0;
  return {
    automated: on,
    ...(on
      ? {
          selfHeal: isTrue(at(automated, 'selfHeal')),
          prune: isTrue(at(automated, 'prune')),
        }
      : {}),
    ...(rules > 0 ? { ignoreDifferences: rules } : {}),
  };
}

/** A Flux Kustomization's `prune` and `interval`, a HelmRelease's `interval`; undefined for other Flux kinds. */
export function fluxDriftPolicy(
  kind: unknown,
  spec: unknown,
): DriftPolicyStatus | undefined {
  const interval = asString(at(spec, 'interval'));
  if (kind === 'Kustomization') {
    return compact({ prune: isTrue(at(spec, 'prune')), interval });
  }
  if (kind === 'HelmRelease') return compact({ interval });
  return undefined;
}
