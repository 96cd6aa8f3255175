import { gitopsCrds, managedResourceCrd } from './crds';
import type { KubeObject } from './types';
import { Harness, rawRequest, startHarness } from './__testUtils__/harness';

/** Where each GitOps kind the portal reads is served once `gitopsCrds()` is applied: group/version, plural, scope. */
const SERVED: Array<
  [kind: string, groupVersion: string, plural: string, namespaced: boolean]
> = [
  ['Application', 'argoproj.io/v1alpha1', 'applications', true],
  ['AnalysisRun', 'argoproj.io/v1alpha1', 'analysisruns', true],
  ['Experiment', 'argoproj.io/v1alpha1', 'experiments', true],
  [
    'ClusterAnalysisTemplate',
    'argoproj.io/v1alpha1',
    'clusteranalysistemplates',
    false,
  ],
  ['HelmChart', 'source.toolkit.fluxcd.io/v1', 'helmcharts', true],
  ['Bucket', 'source.toolkit.fluxcd.io/v1', 'buckets', true],
  [
    'ExternalArtifact',
    'source.toolkit.fluxcd.io/v1',
    'externalartifacts',
    true,
  ],
  [
    'ArtifactGenerator',
    'source.extensions.fluxcd.io/v1beta1',
    'artifactgenerators',
    true,
  ],
  ['ImageRepository', 'image.toolkit.fluxcd.io/v1', 'imagerepositories', true],
  ['ImagePolicy', 'image.toolkit.fluxcd.io/v1beta2', 'imagepolicies', true],
  [
    'ImageUpdateAutomation',
    'image.toolkit.fluxcd.io/v1',
    'imageupdateautomations',
    true,
  ],
  ['Alert', 'notification.toolkit.fluxcd.io/v1beta3', 'alerts', true],
  ['Provider', 'notification.toolkit.fluxcd.io/v1beta3', 'providers', true],
  ['Receiver', 'notification.toolkit.fluxcd.io/v1', 'receivers', true],
  ['ResourceSet', 'fluxcd.controlplane.io/v1', 'resourcesets', true],
  [
    'ResourceSetInputProvider',
    'fluxcd.controlplane.io/v1',
    'resourcesetinputproviders',
    true,
  ],
  ['Provider', 'pkg.crossplane.io/v1', 'providers', false],
  ['Configuration', 'pkg.crossplane.io/v1', 'configurations', false],
  ['Function', 'pkg.crossplane.io/v1', 'functions', false],
  ['ProviderRevision', 'pkg.crossplane.io/v1', 'providerrevisions', false],
  [
    'ConfigurationRevision',
    'pkg.crossplane.io/v1',
    'configurationrevisions',
    false,
  ],
  ['FunctionRevision', 'pkg.crossplane.io/v1', 'functionrevisions', false],
  ['Certificate', 'cert-manager.io/v1', 'certificates', true],
  ['Issuer', 'cert-manager.io/v1', 'issuers', true],
  ['ClusterIssuer', 'cert-manager.io/v1', 'clusterissuers', false],
  ['ExternalSecret', 'external-secrets.io/v1', 'externalsecrets', true],
  ['SecretStore', 'external-secrets.io/v1beta1', 'secretstores', true],
  [
    'ClusterSecretStore',
    'external-secrets.io/v1',
    'clustersecretstores',
    false,
  ],
  ['SealedSecret', 'bitnami.com/v1alpha1', 'sealedsecrets', true],
  ['Cluster', 'cluster.x-k8s.io/v1beta1', 'clusters', true],
  ['MachineDeployment', 'cluster.x-k8s.io/v1beta1', 'machinedeployments', true],
  [
    'KubeadmControlPlane',
    'controlplane.cluster.x-k8s.io/v1beta1',
    'kubeadmcontrolplanes',
    true,
  ],
];

describe('gitopsCrds families', () => {
  const kindsOf = (crds: KubeObject[]) =>
    crds.map(c => {
      const spec = c.spec as {
        group: string;
        names: { kind: string };
      };
      return `${spec.names.kind}.${spec.group}`;
    });

  it('installs only the named tools', () => {
    expect(kindsOf(gitopsCrds(['argocd', 'crossplane']))).toEqual([
      'Application.argoproj.io',
      'ApplicationSet.argoproj.io',
      'AppProject.argoproj.io',
      'CompositeResourceDefinition.apiextensions.crossplane.io',
      'Composition.apiextensions.crossplane.io',
      'Provider.pkg.crossplane.io',
      'Configuration.pkg.crossplane.io',
      'Function.pkg.crossplane.io',
      'ProviderRevision.pkg.crossplane.io',
      'ConfigurationRevision.pkg.crossplane.io',
      'FunctionRevision.pkg.crossplane.io',
    ]);
  });
});

describe('gitopsCrds and managedResourceCrd', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.cluster.apply(gitopsCrds());
    h.cluster.apply([
      managedResourceCrd({
        group: 's3.aws.example.org',
        kind: 'Bucket',
        plural: 'buckets',
        provider: 'aws',
      }),
    ]);
  });
  afterAll(() => h.emulator.close());

  const resourcesOf = async (groupVersion: string) => {
    const res = await rawRequest(
      h.cluster.url,
      'GET',
      `/apis/${groupVersion}`,
      {
        token: h.cluster.token,
      },
    );
    expect(res.status).toBe(200);
    return res.json().resources as Array<Record<string, any>>;
  };

  it.each(SERVED)(
    'serves %s at %s as %s',
    async (kind, groupVersion, plural, namespaced) => {
      const resource = (await resourcesOf(groupVersion)).find(
        r => r.name === plural,
      );
      expect(resource).toMatchObject({ kind, namespaced });
    },
  );

  it('serves a managed resource kind cluster-scoped, in the managed category', async () => {
    const resource = (await resourcesOf('s3.aws.example.org/v1beta1')).find(
      r => r.name === 'buckets',
    );
    expect(resource).toMatchObject({
      kind: 'Bucket',
      namespaced: false,
      categories: ['crossplane', 'managed', 'aws'],
    });
  });
});
