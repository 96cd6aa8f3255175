import { Config } from '@backstage/config';

/** Where Argo CD runs on a cluster unless `gitops.health.argoCdNamespace` says otherwise. */
export const DEFAULT_ARGOCD_NAMESPACE = 'argocd';

/** The ConfigMap Argo CD reads its settings from (custom health, diffing customisations, the instance label). */
export const ARGOCD_CONFIG_MAP = 'argocd-cm';

/**
 * The namespace of each cluster's Argo CD (its `argocd-cm`: custom health, diffing customisations, the instance
 * label), from the `gitops` config block.
 */
export function argoCdNamespaceOf(gitopsConfig: Config | undefined): string {
  return (
    gitopsConfig?.getOptionalString('health.argoCdNamespace') ??
    DEFAULT_ARGOCD_NAMESPACE
  );
}
