import { ConfigReader } from '@backstage/config';
import {
  objectKey,
  type ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { createConfigRepoLayout } from './createConfigRepoLayout';

const CONFIG_REPO = 'https://github.com/acme/gitops-config';

const flux = (parts: Partial<ObjectStatus>): ObjectStatus => ({
  key: 'k',
  engine: 'flux',
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  cluster: 'prod',
  namespace: 'flux-system',
  name: 'web',
  entityRefs: ['component:default/web'],
  environment: 'prod',
  sync: 'Synced',
  health: { status: 'Healthy' },
  conditions: [],
  suspended: false,
  observedAt: '2026-01-01T00:00:00Z',
  ...parts,
});

const kustomization = flux({
  source: {
    path: './apps/web/prod',
    sourceRef: { kind: 'GitRepository', name: 'config' },
  },
});

const gitRepository = flux({
  key: objectKey({
    cluster: 'prod',
    apiGroup: 'source.toolkit.fluxcd.io',
    kind: 'GitRepository',
    namespace: 'flux-system',
    name: 'config',
  }),
  apiVersion: 'source.toolkit.fluxcd.io/v1',
  kind: 'GitRepository',
  name: 'config',
  entityRefs: [],
  source: { repoURL: CONFIG_REPO },
});

/** The layout over a status store holding the Kustomization; `search` answers the store's overview search. */
function layoutWith(options: {
  cached: ObjectStatus[];
  search: ObjectStatus[];
}) {
  const overviewObjects = jest.fn(async () => options.search);
  const cached = new Map(options.cached.map(o => [o.key, o]));
  const layout = createConfigRepoLayout({
    config: new ConfigReader({}),
    statusStore: {
      entityObjects: async () => ({ objects: [kustomization], clusters: [] }),
      overviewObjects,
    },
    objectOf: key => cached.get(key),
  });
  return { layout, overviewObjects };
}

describe('createConfigRepoLayout: Flux sources', () => {
  it.each([
    ['by its cache key, without a search', [gitRepository], [], 0],
    [
      'by a status store search when the cache does not hold it (another replica)',
      [],
      [gitRepository],
      1,
    ],
  ])(
    "finds a Kustomization's GitRepository %s",
    async (_case, cached, search, searches) => {
      const { layout, overviewObjects } = layoutWith({ cached, search });

      const found = await layout.liveFiles('component:default/web', 'prod');

      expect([found.repoUrl, found.locations.map(l => l.path)]).toEqual([
        CONFIG_REPO,
        ['apps/web/prod/'],
      ]);
      expect(overviewObjects).toHaveBeenCalledTimes(searches);
    },
  );
});

describe('createConfigRepoLayout: one repository and branch per environment', () => {
  const application = (name: string, targetRevision?: string) =>
    flux({
      engine: 'argocd',
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      namespace: 'argocd',
      name,
      source: { repoURL: CONFIG_REPO, path: `apps/${name}`, targetRevision },
    });

  const liveFiles = (objects: ObjectStatus[]) =>
    createConfigRepoLayout({
      config: new ConfigReader({}),
      statusStore: {
        entityObjects: async () => ({ objects, clusters: [] }),
        overviewObjects: async () => [],
      },
    }).liveFiles('component:default/web', 'prod');

  it.each([
    ['one branch', 'main', 'main', 'main'],
    ['no revision and HEAD (the default branch)', undefined, 'HEAD', undefined],
  ])('gives the revision of %s', async (_case, first, second, revision) => {
    const found = await liveFiles([
      application('web', first),
      application('web-extra', second),
    ]);

    expect([found.repoUrl, found.revision]).toEqual([CONFIG_REPO, revision]);
  });

  it('refuses one repository at two branches, naming both', async () => {
    await expect(
      liveFiles([
        application('web', 'main'),
        application('web-extra', 'release'),
      ]),
    ).rejects.toThrow(
      `Two config repos claim component:default/web in prod: ${CONFIG_REPO}@main (Application argocd/web spec.source.path (cluster prod)) and ${CONFIG_REPO}@release (Application argocd/web-extra spec.source.path (cluster prod))`,
    );
  });
});
