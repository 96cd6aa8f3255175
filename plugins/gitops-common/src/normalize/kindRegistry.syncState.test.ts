import { hasSyncState, RegisteredKind, WATCHED_KINDS } from './kindRegistry';

describe('hasSyncState', () => {
  it.each<[string, string, string, boolean]>([
    ['Argo CD Application', 'argoproj.io', 'Application', true],
    ['Argo CD ApplicationSet', 'argoproj.io', 'ApplicationSet', false],
    ['Argo Rollouts Rollout', 'argoproj.io', 'Rollout', false],
    ['Argo Rollouts AnalysisRun', 'argoproj.io', 'AnalysisRun', false],
    ['Flagger Canary', 'flagger.app', 'Canary', false],
    [
      'Flux Kustomization',
      'kustomize.toolkit.fluxcd.io',
      'Kustomization',
      true,
    ],
    ['Flux HelmRelease', 'helm.toolkit.fluxcd.io', 'HelmRelease', true],
    ['Flux GitRepository', 'source.toolkit.fluxcd.io', 'GitRepository', false],
    ['Flux OCIRepository', 'source.toolkit.fluxcd.io', 'OCIRepository', false],
    ['Flux HelmChart', 'source.toolkit.fluxcd.io', 'HelmChart', false],
    ['Flux ImagePolicy', 'image.toolkit.fluxcd.io', 'ImagePolicy', false],
    ['Crossplane claim', 'platform.example.org', 'Database', true],
    ['Crossplane managed resource', 'rds.aws.upbound.io', 'Instance', true],
    [
      'Crossplane XRD',
      'apiextensions.crossplane.io',
      'CompositeResourceDefinition',
      false,
    ],
    ['Crossplane Provider', 'pkg.crossplane.io', 'Provider', false],
    ['core Deployment', 'apps', 'Deployment', false],
  ])('%s: %s', (_family, group, kind, expected) => {
    expect(hasSyncState(group, kind)).toBe(expected);
  });
});

/** An object of the kind whose status says "in sync" in every way an engine writes it. */
function inSyncEverywhere(registered: RegisteredKind) {
  const revision = 'main@sha1:4f1c2a9d1e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a';
  return {
    apiVersion: registered.group ? `${registered.group}/v1` : 'v1',
    kind: registered.kind,
    metadata: { name: 'sample', namespace: 'team-a' },
    spec: {},
    status: {
      sync: { status: 'Synced' },
      lastAppliedRevision: revision,
      lastAttemptedRevision: revision,
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'Synced', status: 'True' },
      ],
    },
  };
}

describe('WATCHED_KINDS sync state', () => {
  it.each(WATCHED_KINDS.map(registered => [registered.kind, registered]))(
    '%s reports a sync other than Unknown only if it has a sync state',
    (_kind, registered) => {
      const { sync } = registered.normalize(inSyncEverywhere(registered));
      expect(sync !== 'Unknown').toBe(registered.hasSyncState);
    },
  );
});
