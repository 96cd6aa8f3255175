import type { ClusterEstate } from '@gitops-portal/plugin-gitops-node';

/**
 * The one "cluster estate for validation" bridge: what validation of a change needs from its target clusters
 * (CRDs for schemas; ValidatingAdmissionPolicies, bindings, Kyverno policies and Namespaces for policies), read
 * read-only. The backend's PullRequestService calls it in process; the scaffolder module through
 * `GET /validation-estate?environment=` (service principals only).
 */
export interface ValidationEstateService {
  /**
   * The estates of every cluster of an environment (`gitops.clusters[].environment`, `gitops.clusterEnvironments`);
   * a cluster that cannot be read comes back `unavailable` (never a throw).
   */
  forEnvironment(environment: string): Promise<ClusterEstate[]>;
}
