import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * Which managed resource kinds to watch in one cluster. A provider family installs hundreds of managed resource
 * CRDs, of which a platform uses a few: only the kinds something watched refers to are wanted, and at most `max`.
 */
export interface ManagedKindsOptions {
  /**
   * `referenced` (default): kinds named by a claim's or composite's `spec.resourceRefs`
   * (`spec.crossplane.resourceRefs` in Crossplane v2), by an Argo CD Application's `status.resources`, or by the
   * resource templates of a Composition a claim or composite uses. `all`: every CRD in the `managed` category.
   */
  watch: 'referenced' | 'all';
  /** At most this many managed resource kinds are watched per cluster; the rest are reported as not watched. */
  max: number;
}

export const DEFAULT_MANAGED_KINDS: ManagedKindsOptions = {
  watch: 'referenced',
  max: 100,
};

/** Reads `gitops.watch.managedKinds` (`watch`: referenced | all, `max`: a positive integer). */
export function readManagedKindsConfig(
  config: Config | undefined,
): ManagedKindsOptions {
  const watch =
    config?.getOptionalString('watch.managedKinds.watch') ??
    DEFAULT_MANAGED_KINDS.watch;
  if (watch !== 'referenced' && watch !== 'all') {
    throw new InputError(
      `gitops.watch.managedKinds.watch must be 'referenced' or 'all', not '${watch}'`,
    );
  }
  const max =
    config?.getOptionalNumber('watch.managedKinds.max') ??
    DEFAULT_MANAGED_KINDS.max;
  if (!Number.isInteger(max) || max < 1) {
    throw new InputError(
      `gitops.watch.managedKinds.max must be a positive integer, not ${max}`,
    );
  }
  return { watch, max };
}
