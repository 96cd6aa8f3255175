/** One kind to list: its collection path and the apiVersion/kind its items get (list items carry neither). */
export interface EstateList {
  path: string;
  apiVersion: string;
  kind: string;
}

/** The kinds validation reads from a cluster, as list paths; a kind the cluster does not serve (404) is empty. */
export const ESTATE_LISTS: Record<'crds' | 'policyObjects', EstateList[]> = {
  crds: [
    {
      path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
    },
  ],
  policyObjects: [
    {
      path: '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies',
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
    },
    {
      path: '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings',
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
    },
    {
      path: '/apis/kyverno.io/v1/clusterpolicies',
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
    },
    {
      path: '/apis/kyverno.io/v1/policies',
      apiVersion: 'kyverno.io/v1',
      kind: 'Policy',
    },
    // Namespace labels decide namespaceSelectors of bindings and Kyverno match blocks.
    { path: '/api/v1/namespaces', apiVersion: 'v1', kind: 'Namespace' },
  ],
};
