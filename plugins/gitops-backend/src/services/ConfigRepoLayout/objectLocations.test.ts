import { sameRepo } from '@gitops-portal/plugin-gitops-node';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { objectLocations } from './objectLocations';

const CONFIG = 'https://github.com/acme/gitops-config';

const record = (parts: Partial<ObjectStatus>): ObjectStatus => ({
  key: 'k',
  engine: 'argocd',
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  cluster: 'prod-eu',
  namespace: 'argocd',
  name: 'web-prod',
  entityRefs: ['component:default/web'],
  sync: 'Synced',
  health: { status: 'Healthy' },
  conditions: [],
  suspended: false,
  observedAt: '2026-01-01T00:00:00Z',
  ...parts,
});

const flux = (kind: string, source: ObjectStatus['source']) =>
  record({
    engine: 'flux',
    apiVersion: `${
      kind === 'Kustomization' ? 'kustomize' : 'helm'
    }.toolkit.fluxcd.io/v1`,
    kind,
    namespace: 'flux-system',
    name: 'web',
    source,
  });

/** A GitRepository `config` of the config repo; any other name is some other repo. */
const context = {
  isConfigRepo: (url: string) => sameRepo(url, CONFIG),
  fluxSource: async (r: ObjectStatus) =>
    r.source?.sourceRef?.name === 'config'
      ? {
          repoURL: 'ssh://git@github.com/acme/gitops-config.git',
          targetRevision: 'release',
        }
      : { repoURL: 'https://github.com/acme/other' },
};

describe('objectLocations', () => {
  it.each<[string, ObjectStatus, Array<[string, string]>]>([
    [
      'an Application path (https with .git)',
      record({
        source: { repoURL: `${CONFIG}.git`, path: './apps/web/prod/' },
      }),
      [['apps/web/prod/', 'Application argocd/web-prod spec.source.path']],
    ],
    [
      'an Application path (scp-like ssh)',
      record({
        source: {
          repoURL: 'git@github.com:acme/gitops-config.git',
          path: 'apps/web/prod',
        },
      }),
      [['apps/web/prod/', 'Application argocd/web-prod spec.source.path']],
    ],
    [
      "an Application's values files, relative to its path, instead of the path",
      record({
        source: {
          repoURL: CONFIG,
          path: 'charts/web',
          valueFiles: ['values.yaml', '../../values/web-prod.yaml'],
        },
      }),
      [
        [
          'charts/web/values.yaml',
          'Application argocd/web-prod spec.source.helm.valueFiles',
        ],
        [
          'values/web-prod.yaml',
          'Application argocd/web-prod spec.source.helm.valueFiles',
        ],
      ],
    ],
    [
      "a remote chart's `$values/` files from a ref source of the config repo",
      record({
        sources: [
          {
            repoURL: 'https://charts.example.org',
            chart: 'web',
            valueFiles: ['$values/web/prod.yaml'],
          },
          { repoURL: CONFIG, ref: 'values' },
        ],
      }),
      [
        [
          'web/prod.yaml',
          'Application argocd/web-prod spec.sources[0].helm.valueFiles',
        ],
      ],
    ],
    [
      "a Git chart's `$values/` files, not the chart's folder the environments share",
      record({
        sources: [
          {
            repoURL: CONFIG,
            path: 'charts/web',
            valueFiles: ['$values/web/prod.yaml'],
          },
          { repoURL: CONFIG, ref: 'values' },
        ],
      }),
      [
        [
          'web/prod.yaml',
          'Application argocd/web-prod spec.sources[0].helm.valueFiles',
        ],
      ],
    ],
    [
      'a Kustomization spec.path of a GitRepository of the config repo',
      flux('Kustomization', {
        path: './apps/prod',
        sourceRef: { kind: 'GitRepository', name: 'config' },
      }),
      [['apps/prod/', 'Kustomization flux-system/web spec.path']],
    ],
    [
      'HelmRelease values files of a GitRepository of the config repo',
      flux('HelmRelease', {
        chart: './charts/web',
        valueFiles: ['./charts/web/values-prod.yaml'],
        sourceRef: { kind: 'GitRepository', name: 'config' },
      }),
      [
        [
          'charts/web/values-prod.yaml',
          'HelmRelease flux-system/web spec.chart.spec.valuesFiles',
        ],
      ],
    ],
  ])('takes %s', async (_name, object, expected) => {
    const found = await objectLocations(object, context);
    expect(found?.locations.map(l => [l.path, l.origin])).toEqual(expected);
  });

  it.each<[string, ObjectStatus, Array<[string, string]>]>([
    [
      "an Application path: the source's repoURL",
      record({
        source: {
          repoURL: `${CONFIG}.git`,
          path: 'apps/web/prod',
          targetRevision: 'prod',
        },
      }),
      [[`${CONFIG}.git`, 'prod']],
    ],
    [
      "a `$values/` file: its ref source's repoURL, not the chart's",
      record({
        sources: [
          {
            repoURL: 'https://charts.example.org',
            chart: 'web',
            valueFiles: ['$values/web/prod.yaml'],
          },
          { repoURL: CONFIG, ref: 'values', targetRevision: 'main' },
        ],
      }),
      [[CONFIG, 'main']],
    ],
    [
      "a Kustomization spec.path: its GitRepository's url",
      flux('Kustomization', {
        path: './apps/prod',
        sourceRef: { kind: 'GitRepository', name: 'config' },
      }),
      [['ssh://git@github.com/acme/gitops-config.git', 'release']],
    ],
  ])(
    'says which repository holds %s, at which revision',
    async (_name, object, repos) => {
      const found = await objectLocations(object, context);
      expect(found?.locations.map(l => [l.repoUrl, l.revision])).toEqual(repos);
    },
  );

  it.each<[string, ObjectStatus, RegExp]>([
    [
      'an Application of another repo',
      record({
        source: {
          repoURL: 'https://github.com/acme/other.git',
          path: 'apps/web',
        },
      }),
      /no folder or values file of a config repo \(https:\/\/github.com\/acme\/other.git, which matches no integrations.github host\)/,
    ],
    [
      'a `$values/` file whose ref source is another repo',
      record({
        sources: [
          {
            repoURL: 'https://charts.example.org',
            chart: 'web',
            valueFiles: ['$values/web/prod.yaml'],
          },
          { repoURL: 'https://github.com/acme/other', ref: 'values' },
        ],
      }),
      /no folder or values file of a config repo/,
    ],
    [
      'an Application path that leaves the repo',
      record({ source: { repoURL: CONFIG, path: '../elsewhere' } }),
      /no folder or values file of a config repo/,
    ],
    [
      'a Kustomization of the whole repository',
      flux('Kustomization', {
        path: './',
        sourceRef: { kind: 'GitRepository', name: 'config' },
      }),
      /spec.path names no folder below the repository root/,
    ],
    [
      'a Kustomization of another repo',
      flux('Kustomization', {
        path: './apps/prod',
        sourceRef: { kind: 'GitRepository', name: 'infra' },
      }),
      /its source GitRepository infra is https:\/\/github.com\/acme\/other, which matches no integrations.github host/,
    ],
    [
      'a HelmRelease of a chart repository (no values files in Git)',
      flux('HelmRelease', {
        chart: 'web',
        sourceRef: { kind: 'HelmRepository', name: 'charts' },
      }),
      /no values files in a Git source/,
    ],
  ])('names nothing for %s, saying why', async (_name, object, why) => {
    const found = await objectLocations(object, context);
    expect(found?.locations).toEqual([]);
    expect(found?.none).toMatch(why);
  });

  it('ignores objects that deploy nothing', async () => {
    const deployment = record({
      engine: 'argocd',
      apiVersion: 'apps/v1',
      kind: 'Deployment',
    });
    expect(await objectLocations(deployment, context)).toBeUndefined();
  });
});
