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
const FLUX_IMAGE = 'image.toolkit.fluxcd.io';
const FLUX_NOTIFICATION = 'notification.toolkit.fluxcd.io';
const XP = 'apiextensions.crossplane.io';
const XP_PKG = 'pkg.crossplane.io';
const CERT_MANAGER = 'cert-manager.io';
const EXTERNAL_SECRETS = 'external-secrets.io';
const CAPI = 'cluster.x-k8s.io';

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

/** The kinds added after the first set: Argo Rollouts analysis, Flux's other sources, image automation and
 * notification, Crossplane packages, cert-manager, External Secrets, Sealed Secrets and Cluster API. */
function newerCrds(): KubeObject[] {
  const simple = (
    group: string,
    versions: string[],
    kinds: Array<[kind: string, plural: string, scope?: 'Cluster']>,
    categories?: string[],
  ) =>
    kinds.map(([kind, plural, scope]) =>
      crd({ group, versions, kind, plural, scope, categories }),
    );
  return [
    ...simple(
      ARGO,
      ['v1alpha1'],
      [
        ['AnalysisRun', 'analysisruns'],
        ['Experiment', 'experiments'],
        ['ClusterAnalysisTemplate', 'clusteranalysistemplates', 'Cluster'],
      ],
      ['argo'],
    ),
    ...simple(
      FLUX_SOURCE,
      ['v1'],
      [
        ['HelmChart', 'helmcharts'],
        ['Bucket', 'buckets'],
        ['ExternalArtifact', 'externalartifacts'],
      ],
      ['flux'],
    ),
    ...simple(
      FLUX_IMAGE,
      ['v1', 'v1beta2'],
      [
        ['ImageRepository', 'imagerepositories'],
        ['ImagePolicy', 'imagepolicies'],
        ['ImageUpdateAutomation', 'imageupdateautomations'],
      ],
      ['flux'],
    ),
    ...simple(
      FLUX_NOTIFICATION,
      ['v1beta3'],
      [
        ['Alert', 'alerts'],
        ['Provider', 'providers'],
      ],
      ['flux'],
    ),
    ...simple(FLUX_NOTIFICATION, ['v1'], [['Receiver', 'receivers']], ['flux']),
    ...simple(
      XP_PKG,
      ['v1'],
      [
        ['Provider', 'providers', 'Cluster'],
        ['Configuration', 'configurations', 'Cluster'],
        ['Function', 'functions', 'Cluster'],
        ['ProviderRevision', 'providerrevisions', 'Cluster'],
        ['ConfigurationRevision', 'configurationrevisions', 'Cluster'],
        ['FunctionRevision', 'functionrevisions', 'Cluster'],
      ],
      ['crossplane', 'pkg'],
    ),
    ...simple(
      CERT_MANAGER,
      ['v1'],
      [
        ['Certificate', 'certificates'],
        ['Issuer', 'issuers'],
        ['ClusterIssuer', 'clusterissuers', 'Cluster'],
      ],
      ['cert-manager'],
    ),
    ...simple(
      EXTERNAL_SECRETS,
      ['v1', 'v1beta1'],
      [
        ['ExternalSecret', 'externalsecrets'],
        ['SecretStore', 'secretstores'],
        ['ClusterSecretStore', 'clustersecretstores', 'Cluster'],
      ],
      ['external-secrets'],
    ),
    ...simple('bitnami.com', ['v1alpha1'], [['SealedSecret', 'sealedsecrets']]),
    ...simple(
      CAPI,
      ['v1beta1'],
      [
        ['Cluster', 'clusters'],
        ['MachineDeployment', 'machinedeployments'],
      ],
      ['cluster-api'],
    ),
    ...simple(
      `controlplane.${CAPI}`,
      ['v1beta1'],
      [['KubeadmControlPlane', 'kubeadmcontrolplanes']],
      ['cluster-api'],
    ),
  ];
}

/**
 * CustomResourceDefinitions for the GitOps kinds the portal reads: Argo CD, Argo Rollouts (analysis included),
 * Flagger, every Flux toolkit kind (sources, image automation, notification), Crossplane (XRDs, Compositions,
 * packages and their revisions), cert-manager, External Secrets, Sealed Secrets and Cluster API. Minimal but valid: names, scope, served/storage versions, status subresource, schema preserving unknown fields.
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
    ...newerCrds(),
  ];
}
