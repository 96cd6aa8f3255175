import { KubeObject } from './types';

interface CrdSpecInput {
  group: string;
  versions: string[];
  /** Version marked storage; default: the first. */
  storage?: string;
  kind: string;
  plural: string;
  shortNames?: string[];
  categories?: string[];
  scope?: 'Namespaced' | 'Cluster';
}

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

const ARGO = 'argoproj.io';
const FLUX_SOURCE = 'source.toolkit.fluxcd.io';
const XP = 'apiextensions.crossplane.io';

/**
 * CustomResourceDefinitions for the GitOps kinds the portal reads: Argo CD, Argo Rollouts, Flagger, Flux, Crossplane.
 * Minimal but valid: names, scope, served/storage versions, status subresource, schema preserving unknown fields.
 */
export function gitopsCrds(): KubeObject[] {
  return [
    crd({
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'Application',
      plural: 'applications',
      shortNames: ['app', 'apps'],
      categories: ['argo'],
    }),
    crd({
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'ApplicationSet',
      plural: 'applicationsets',
      shortNames: ['appset', 'appsets'],
      categories: ['argo'],
    }),
    crd({
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'AppProject',
      plural: 'appprojects',
      shortNames: ['appproj', 'appprojs'],
      categories: ['argo'],
    }),
    crd({
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'Rollout',
      plural: 'rollouts',
      shortNames: ['ro'],
      categories: ['argo', 'all'],
    }),
    crd({
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'AnalysisTemplate',
      plural: 'analysistemplates',
      shortNames: ['at'],
      categories: ['argo'],
    }),
    crd({
      group: 'flagger.app',
      versions: ['v1beta1'],
      kind: 'Canary',
      plural: 'canaries',
      categories: ['all'],
    }),
    crd({
      group: 'kustomize.toolkit.fluxcd.io',
      versions: ['v1'],
      kind: 'Kustomization',
      plural: 'kustomizations',
      shortNames: ['ks'],
      categories: ['flux'],
    }),
    crd({
      group: 'helm.toolkit.fluxcd.io',
      versions: ['v2'],
      kind: 'HelmRelease',
      plural: 'helmreleases',
      shortNames: ['hr'],
      categories: ['flux'],
    }),
    crd({
      group: FLUX_SOURCE,
      versions: ['v1'],
      kind: 'GitRepository',
      plural: 'gitrepositories',
      shortNames: ['gitrepo'],
      categories: ['flux'],
    }),
    crd({
      group: FLUX_SOURCE,
      versions: ['v1'],
      kind: 'HelmRepository',
      plural: 'helmrepositories',
      shortNames: ['helmrepo'],
      categories: ['flux'],
    }),
    crd({
      group: FLUX_SOURCE,
      versions: ['v1', 'v1beta2'],
      kind: 'OCIRepository',
      plural: 'ocirepositories',
      shortNames: ['ocirepo'],
      categories: ['flux'],
    }),
    crd({
      group: XP,
      versions: ['v1'],
      kind: 'CompositeResourceDefinition',
      plural: 'compositeresourcedefinitions',
      shortNames: ['xrd', 'xrds'],
      categories: ['crossplane'],
      scope: 'Cluster',
    }),
    crd({
      group: XP,
      versions: ['v1'],
      kind: 'Composition',
      plural: 'compositions',
      shortNames: ['comp'],
      categories: ['crossplane'],
      scope: 'Cluster',
    }),
  ];
}
