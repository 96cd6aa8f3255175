import { ManifestObject } from './types';

/**
 * What validation reads from a change's target cluster (through the backend's validation-estate bridge): its
 * CustomResourceDefinitions (schemas of custom kinds) and its ValidatingAdmissionPolicies, bindings, their params
 * and Kyverno ClusterPolicies/Policies, evaluated like those of the config repo. When the cluster could not be
 * read, `unavailable` says why and validation notes it.
 *
 * @public
 */
export type ClusterEstate =
  | {
      cluster: string;
      crds: ManifestObject[];
      /** Policies, bindings, params and the cluster's Namespaces (for namespace selectors). */
      policyObjects: ManifestObject[];
    }
  | { cluster: string; unavailable: string };

/** The source name findings and skipped entries give for an object read from a cluster. */
export const clusterSource = (cluster: string) => `cluster ${cluster}`;

export const isAvailable = (
  estate: ClusterEstate,
): estate is Extract<ClusterEstate, { crds: ManifestObject[] }> =>
  !('unavailable' in estate);
