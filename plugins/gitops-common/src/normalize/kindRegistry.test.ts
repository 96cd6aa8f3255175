import { FLUX_GROUPS, FluxKind } from './fluxHealth';
import { WATCHED_KINDS, watchedKind } from './kindRegistry';
import { normalizeObject } from './normalizeObject';

describe('WATCHED_KINDS', () => {
  it('names each group and kind once', () => {
    const ids = WATCHED_KINDS.map(entry => `${entry.group}/${entry.kind}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds every Flux kind with a health check', () => {
    for (const kind of Object.keys(FLUX_GROUPS) as FluxKind[]) {
      expect(watchedKind(FLUX_GROUPS[kind], kind)?.engine).toBe('flux');
    }
  });

  it('reads core workloads only for what an Application manages, watches the rest', () => {
    const managed = WATCHED_KINDS.filter(entry => entry.watch === 'managed');
    expect(managed.map(entry => entry.kind).sort()).toEqual([
      'DaemonSet',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Ingress',
      'Job',
      'PersistentVolumeClaim',
      'Service',
      'StatefulSet',
    ]);
    expect(managed.every(entry => entry.engine === 'kubernetes')).toBe(true);
  });

  it.each([
    ['argoproj.io', 'AnalysisRun', 'analysisruns', 'argo-rollouts'],
    ['image.toolkit.fluxcd.io', 'ImagePolicy', 'imagepolicies', 'flux'],
    ['notification.toolkit.fluxcd.io', 'Alert', 'alerts', 'flux'],
    [
      'source.toolkit.fluxcd.io',
      'ExternalArtifact',
      'externalartifacts',
      'flux',
    ],
    [
      'source.extensions.fluxcd.io',
      'ArtifactGenerator',
      'artifactgenerators',
      'flux',
    ],
    [
      'pkg.crossplane.io',
      'FunctionRevision',
      'functionrevisions',
      'crossplane',
    ],
    ['cert-manager.io', 'ClusterIssuer', 'clusterissuers', 'cert-manager'],
    [
      'external-secrets.io',
      'ClusterSecretStore',
      'clustersecretstores',
      'external-secrets',
    ],
    ['bitnami.com', 'SealedSecret', 'sealedsecrets', 'sealed-secrets'],
    [
      'controlplane.cluster.x-k8s.io',
      'KubeadmControlPlane',
      'kubeadmcontrolplanes',
      'cluster-api',
    ],
    ['', 'PersistentVolumeClaim', 'persistentvolumeclaims', 'kubernetes'],
  ])('registers %s/%s as %s of %s', (group, kind, plural, engine) => {
    expect(watchedKind(group, kind)).toMatchObject({ plural, engine });
  });

  it('finds nothing for a kind of another group', () => {
    expect(watchedKind('example.com', 'Application')).toBeUndefined();
  });

  it.each(WATCHED_KINDS.map(entry => [entry.kind, entry]))(
    'normalizeObject reads %s through its entry',
    (_kind, entry) => {
      const status = normalizeObject(
        {
          apiVersion: entry.group ? `${entry.group}/v1` : 'v1',
          kind: entry.kind,
          metadata: { name: 'a', namespace: 'ns' },
        },
        { cluster: 'dev' },
      );
      expect(status.engine).toBe(entry.engine);
      expect(status.health.message ?? '').not.toMatch(
        /no built-in health check/,
      );
    },
  );
});
