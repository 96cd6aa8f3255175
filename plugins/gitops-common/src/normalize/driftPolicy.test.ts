import { argoDriftPolicy, fluxDriftPolicy } from './driftPolicy';
import { normalizeObject } from './normalizeObject';

describe('argoDriftPolicy', () => {
  it.each([
    ['no syncPolicy: manual sync', {}, { automated: false }],
    [
      'automated without switches: Argo CD neither prunes nor self-heals',
      { syncPolicy: { automated: {} } },
      { automated: true, selfHeal: false, prune: false },
    ],
    [
      'automated with both switches',
      { syncPolicy: { automated: { prune: true, selfHeal: true } } },
      { automated: true, selfHeal: true, prune: true },
    ],
    [
      'automated turned off by enabled: false',
      { syncPolicy: { automated: { enabled: false, selfHeal: true } } },
      { automated: false },
    ],
    [
      'ignoreDifferences entries, counted',
      {
        syncPolicy: { automated: { selfHeal: true } },
        ignoreDifferences: [
          { kind: 'Deployment', jsonPointers: ['/spec/replicas'] },
          { kind: 'ConfigMap', jqPathExpressions: ['.data'] },
        ],
      },
      { automated: true, selfHeal: true, prune: false, ignoreDifferences: 2 },
    ],
  ])('%s', (_name, spec, policy) => {
    expect(argoDriftPolicy(spec)).toEqual(policy);
  });
});

describe('fluxDriftPolicy', () => {
  it.each([
    [
      'a Kustomization',
      'Kustomization',
      { prune: true, interval: '5m' },
      { prune: true, interval: '5m' },
    ],
    [
      'a Kustomization without prune (Flux default off)',
      'Kustomization',
      { interval: '1h' },
      { prune: false, interval: '1h' },
    ],
    [
      'a HelmRelease (no prune)',
      'HelmRelease',
      { interval: '10m' },
      { interval: '10m' },
    ],
    [
      'a GitRepository (no policy)',
      'GitRepository',
      { interval: '1m' },
      undefined,
    ],
  ])('%s', (_name, kind, spec, policy) => {
    expect(fluxDriftPolicy(kind, spec)).toEqual(policy);
  });
});

describe('normalizeObject carries the drift policy', () => {
  it.each([
    [
      'an Argo CD Application',
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'web-prod', namespace: 'argocd' },
        spec: { syncPolicy: { automated: { prune: true } } },
      },
      { automated: true, selfHeal: false, prune: true },
    ],
    [
      'a Flux Kustomization',
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'web', namespace: 'flux-system' },
        spec: { prune: false, interval: '30m' },
      },
      { prune: false, interval: '30m' },
    ],
  ])('%s', (_name, object, policy) => {
    const status = normalizeObject(object, { cluster: 'prod-eu' });
    expect(status?.driftPolicy).toEqual(policy);
  });
});
