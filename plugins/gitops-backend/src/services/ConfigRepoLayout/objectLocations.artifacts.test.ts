import { sameRepo } from '@gitops-portal/plugin-gitops-node';
import type {
  ArtifactGenerator,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { LocationContext, objectLocations } from './objectLocations';

/**
 * A Kustomization reading an ExternalArtifact written by an ArtifactGenerator, and a HelmRelease it applied. The
 * objects are written after Flux's documented API (the generator splits one Git repository per environment).
 */
const CONFIG = 'https://github.com/acme/fleet-config';

const record = (
  kind: string,
  namespace: string,
  name: string,
  parts: Partial<ObjectStatus> = {},
): ObjectStatus => ({
  key: `qa-1/${kind}/${namespace}/${name}`,
  engine: 'flux',
  apiVersion: 'v1',
  kind,
  cluster: 'qa-1',
  namespace,
  name,
  entityRefs: [],
  sync: 'Synced',
  health: { status: 'Healthy' },
  conditions: [],
  suspended: false,
  observedAt: '2026-01-01T00:00:00Z',
  ...parts,
});

const GENERATOR: ArtifactGenerator = {
  sources: [
    { alias: 'fleet', kind: 'GitRepository', name: 'fleet' },
    { alias: 'vendor', kind: 'OCIRepository', name: 'vendor' },
  ],
  artifacts: [
    {
      name: 'services',
      copy: [
        { from: '@fleet/services/common/**', to: '@artifact/common/' },
        { from: '@fleet/services/qa/**', to: '@artifact/qa/' },
        { from: '@vendor/manifests/**', to: '@artifact/vendor/' },
      ],
    },
  ],
};

const generatorRef = {
  apiVersion: 'source.extensions.fluxcd.io/v1beta1',
  kind: 'ArtifactGenerator',
  name: 'split',
};

const CLUSTER_OBJECTS = [
  record('ExternalArtifact', 'flux-system', 'services', {
    source: { sourceRef: generatorRef },
  }),
  record('ExternalArtifact', 'flux-system', 'loose', {
    source: { sourceRef: { kind: 'Bucket', name: 'b' } },
  }),
  record('ArtifactGenerator', 'flux-system', 'split', {
    generator: GENERATOR,
  }),
  record('GitRepository', 'flux-system', 'fleet', {
    source: { repoURL: `${CONFIG}.git` },
  }),
  record('Kustomization', 'flux-system', 'services', {
    source: {
      path: './qa',
      sourceRef: { kind: 'ExternalArtifact', name: 'services' },
    },
  }),
];

const context: LocationContext = {
  isConfigRepo: url => sameRepo(url, CONFIG),
  fluxSource: async () => undefined,
  fluxObject: async (_cluster, kind, namespace, name) =>
    CLUSTER_OBJECTS.find(
      o => o.kind === kind && o.namespace === namespace && o.name === name,
    ),
  fluxApplier: async r =>
    r.name === 'podinfo'
      ? CLUSTER_OBJECTS[CLUSTER_OBJECTS.length - 1]
      : undefined,
};

const kustomization = (path: string, artifact = 'services') =>
  record('Kustomization', 'flux-system', 'services', {
    source: {
      path,
      sourceRef: { kind: 'ExternalArtifact', name: artifact },
    },
  });

describe('objectLocations through an ExternalArtifact', () => {
  it.each<[string, ObjectStatus, string[]]>([
    [
      'an environment folder of the artifact',
      kustomization('./qa'),
      ['services/qa/'],
    ],
    [
      'the artifact root: every Git folder copied into it',
      kustomization('./'),
      ['services/common/', 'services/qa/'],
    ],
  ])('%s', async (_case, kustomizationRecord, paths) => {
    const found = await objectLocations(kustomizationRecord, context);
    expect(found?.locations.map(l => l.path)).toEqual(paths);
  });

  it('says where each path came from', async () => {
    const found = await objectLocations(kustomization('./qa'), context);
    expect(found?.locations[0].origin).toBe(
      'Kustomization flux-system/services spec.path ./qa of ExternalArtifact flux-system/services ' +
        '(ArtifactGenerator flux-system/split copies @fleet/services/qa/** to @artifact/qa/)',
    );
  });

  it.each<[string, ObjectStatus, RegExp]>([
    [
      'an artifact not cached',
      kustomization('./qa', 'missing'),
      /ExternalArtifact flux-system\/missing is not cached/,
    ],
    [
      'an artifact no generator writes',
      kustomization('./qa', 'loose'),
      /not written by an ArtifactGenerator/,
    ],
    [
      'a folder copied from a source that is not Git',
      kustomization('./vendor'),
      /from @vendor, not a GitRepository of a config repo on an integrations.github host/,
    ],
    [
      'a folder nothing is copied into',
      kustomization('./prod'),
      /copies nothing into \.\/prod/,
    ],
  ])('names nothing for %s', async (_case, kustomizationRecord, why) => {
    const found = await objectLocations(kustomizationRecord, context);
    expect(found?.locations).toEqual([]);
    expect(found?.none).toMatch(why);
  });
});

describe('objectLocations of a HelmRelease from a Helm repository', () => {
  const release = (name: string) =>
    record('HelmRelease', 'podinfo', name, {
      source: {
        chart: 'podinfo',
        targetRevision: '6.x',
        sourceRef: { kind: 'HelmRepository', name: 'podinfo' },
      },
    });

  it('follows the Kustomization that applied it', async () => {
    const found = await objectLocations(release('podinfo'), context);
    expect(found?.locations).toEqual([
      {
        path: 'services/qa/',
        repoUrl: 'https://github.com/acme/fleet-config.git',
        origin: expect.stringMatching(
          /^Kustomization flux-system\/services spec\.path .*, which applies HelmRelease podinfo\/podinfo$/,
        ),
      },
    ]);
  });

  it('names nothing when no Kustomization applied it', async () => {
    const found = await objectLocations(release('orphan'), context);
    expect(found).toEqual({
      locations: [],
      none: 'it has no values files in a Git source',
    });
  });
});
