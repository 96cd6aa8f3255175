import { KubeObject } from './types';
import {
  CRD_FAMILIES,
  CRD_FAMILY_NAMES,
  CrdFamily,
  CrdSpecInput,
} from './crdFamilies';

function crd(s: CrdSpecInput): KubeObject {
  const storage = s.storage ?? s.versions[0];
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${s.plural}.${s.group}` },
    spec: {
      group: s.group,
      names: {
        plural: s.plural,
        singular: s.kind.toLowerCase(),
        kind: s.kind,
        listKind: `${s.kind}List`,
        ...(s.shortNames ? { shortNames: s.shortNames } : {}),
        ...(s.categories ? { categories: s.categories } : {}),
      },
      scope: s.scope ?? 'Namespaced',
      versions: s.versions.map(name => ({
        name,
        served: true,
        storage: name === storage,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
      })),
    },
  };
}

/**
 * The CRD of one Crossplane managed resource kind, as a provider installs it: cluster-scoped, in the `crossplane`,
 * `managed` and provider categories (Crossplane finds managed resources by the `managed` category).
 */
export function managedResourceCrd(s: {
  group: string;
  kind: string;
  plural: string;
  versions?: string[];
  /** The provider's own category, e.g. `aws`. */
  provider?: string;
}): KubeObject {
  return crd({
    group: s.group,
    versions: s.versions ?? ['v1beta1'],
    kind: s.kind,
    plural: s.plural,
    categories: ['crossplane', 'managed', ...(s.provider ? [s.provider] : [])],
    scope: 'Cluster',
  });
}

/**
 * CustomResourceDefinitions for the GitOps kinds the portal reads, for the given tools (default: every one the
 * emulator knows, `CRD_FAMILIES`: Argo CD, Argo Rollouts, Flagger, every Flux toolkit kind, Crossplane core,
 * cert-manager, External Secrets, Sealed Secrets and Cluster API). Minimal but valid: names, scope, served/storage
 * versions, status subresource, schema preserving unknown fields.
 */
export function gitopsCrds(
  families: readonly CrdFamily[] = CRD_FAMILY_NAMES,
): KubeObject[] {
  return families.flatMap(family => {
    const specs: readonly CrdSpecInput[] = CRD_FAMILIES[family];
    return specs.map(crd);
  });
}
