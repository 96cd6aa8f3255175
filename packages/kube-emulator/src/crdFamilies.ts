/** What the emulator needs to write one CRD: names, scope, served versions. */
export interface CrdSpecInput {
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

const ARGO = 'argoproj.io';
const FLUX_SOURCE = 'source.toolkit.fluxcd.io';
const FLUX_IMAGE = 'image.toolkit.fluxcd.io';
const FLUX_NOTIFICATION = 'notification.toolkit.fluxcd.io';
const XP = 'apiextensions.crossplane.io';
const CAPI = 'cluster.x-k8s.io';

/** Kinds of one group that share versions and categories, `[kind, plural, scope?]` each. */
const simple = (
  group: string,
  versions: string[],
  kinds: Array<[kind: string, plural: string, scope?: 'Cluster']>,
  categories?: string[],
): CrdSpecInput[] =>
  kinds.map(([kind, plural, scope]) => ({
    group,
    versions,
    kind,
    plural,
    scope,
    categories,
  }));

/**
 * The CRDs each tool installs, by the name `--crds=` takes. One entry per project a platform team installs on its
 * own, so an emulated cluster can carry only the tools a scenario has (a watch count depends on which kinds exist).
 */
export const CRD_FAMILIES = {
  argocd: [
    {
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'Application',
      plural: 'applications',
      shortNames: ['app', 'apps'],
      categories: ['argo'],
    },
    {
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'ApplicationSet',
      plural: 'applicationsets',
      shortNames: ['appset', 'appsets'],
      categories: ['argo'],
    },
    {
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'AppProject',
      plural: 'appprojects',
      shortNames: ['appproj', 'appprojs'],
      categories: ['argo'],
    },
  ],
  'argo-rollouts': [
    {
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'Rollout',
      plural: 'rollouts',
      shortNames: ['ro'],
      categories: ['argo', 'all'],
    },
    {
      group: ARGO,
      versions: ['v1alpha1'],
      kind: 'AnalysisTemplate',
      plural: 'analysistemplates',
      shortNames: ['at'],
      categories: ['argo'],
    },
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
  ],
  flagger: [
    {
      group: 'flagger.app',
      versions: ['v1beta1'],
      kind: 'Canary',
      plural: 'canaries',
      categories: ['all'],
    },
  ],
  /** Every Flux toolkit controller: kustomize, helm, source, image automation, notification. */
  flux: [
    {
      group: 'kustomize.toolkit.fluxcd.io',
      versions: ['v1'],
      kind: 'Kustomization',
      plural: 'kustomizations',
      shortNames: ['ks'],
      categories: ['flux'],
    },
    {
      group: 'helm.toolkit.fluxcd.io',
      versions: ['v2'],
      kind: 'HelmRelease',
      plural: 'helmreleases',
      shortNames: ['hr'],
      categories: ['flux'],
    },
    {
      group: FLUX_SOURCE,
      versions: ['v1'],
      kind: 'GitRepository',
      plural: 'gitrepositories',
      shortNames: ['gitrepo'],
      categories: ['flux'],
    },
    {
      group: FLUX_SOURCE,
      versions: ['v1'],
      kind: 'HelmRepository',
      plural: 'helmrepositories',
      shortNames: ['helmrepo'],
      categories: ['flux'],
    },
    {
      group: FLUX_SOURCE,
      versions: ['v1', 'v1beta2'],
      kind: 'OCIRepository',
      plural: 'ocirepositories',
      shortNames: ['ocirepo'],
      categories: ['flux'],
    },
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
    // source-watcher: the generator that writes ExternalArtifacts from other sources.
    {
      group: 'source.extensions.fluxcd.io',
      versions: ['v1beta1'],
      kind: 'ArtifactGenerator',
      plural: 'artifactgenerators',
      shortNames: ['ag'],
      categories: ['flux'],
    },
  ],
  /** The Flux Operator's preview-environment generator: a ResourceSet templated from a ResourceSetInputProvider's inputs. */
  'flux-operator': simple(
    'fluxcd.controlplane.io',
    ['v1'],
    [
      ['ResourceSet', 'resourcesets'],
      ['ResourceSetInputProvider', 'resourcesetinputproviders'],
    ],
    ['flux'],
  ),
  /** Crossplane core: XRDs, Compositions and packages. Managed resource CRDs come with providers (`managedResourceCrd`). */
  crossplane: [
    {
      group: XP,
      versions: ['v1'],
      kind: 'CompositeResourceDefinition',
      plural: 'compositeresourcedefinitions',
      shortNames: ['xrd', 'xrds'],
      categories: ['crossplane'],
      scope: 'Cluster',
    },
    {
      group: XP,
      versions: ['v1'],
      kind: 'Composition',
      plural: 'compositions',
      shortNames: ['comp'],
      categories: ['crossplane'],
      scope: 'Cluster',
    },
    ...simple(
      'pkg.crossplane.io',
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
  ],
  'cert-manager': simple(
    'cert-manager.io',
    ['v1'],
    [
      ['Certificate', 'certificates'],
      ['Issuer', 'issuers'],
      ['ClusterIssuer', 'clusterissuers', 'Cluster'],
    ],
    ['cert-manager'],
  ),
  'external-secrets': simple(
    'external-secrets.io',
    ['v1', 'v1beta1'],
    [
      ['ExternalSecret', 'externalsecrets'],
      ['SecretStore', 'secretstores'],
      ['ClusterSecretStore', 'clustersecretstores', 'Cluster'],
    ],
    ['external-secrets'],
  ),
  'sealed-secrets': simple(
    'bitnami.com',
    ['v1alpha1'],
    [['SealedSecret', 'sealedsecrets']],
  ),
  'cluster-api': [
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
  ],
} satisfies Record<string, CrdSpecInput[]>;

/** A tool whose CRDs the emulator can install (`--crds=<family>,...`). */
export type CrdFamily = keyof typeof CRD_FAMILIES;

/** Every family, in the order `gitopsCrds()` applies them (Argo CD's Application first). */
export const CRD_FAMILY_NAMES = Object.keys(CRD_FAMILIES) as CrdFamily[];

export const isCrdFamily = (name: string): name is CrdFamily =>
  Object.prototype.hasOwnProperty.call(CRD_FAMILIES, name);
