/**
 * The Kubernetes versions whose built-in API schema this package ships. The schema comes from the models that
 * `@kubernetes/client-node` generates from that release's OpenAPI document (client-node 1.4.0: Kubernetes v1.34.0);
 * a new version is a new pinned client-node release, added here.
 *
 * @public
 */
export const SHIPPED_KUBERNETES_VERSIONS = ['1.34'] as const;

/**
 * A Kubernetes version whose built-in API schema this package ships (see `SHIPPED_KUBERNETES_VERSIONS`).
 *
 * @public
 */
export type KubernetesVersion = (typeof SHIPPED_KUBERNETES_VERSIONS)[number];

/** The newest shipped version: the default of `gitops.validation.kubernetesVersion`. */
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion =
  SHIPPED_KUBERNETES_VERSIONS[SHIPPED_KUBERNETES_VERSIONS.length - 1];
