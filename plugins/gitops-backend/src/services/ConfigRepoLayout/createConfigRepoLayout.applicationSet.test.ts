import { ConfigReader } from '@backstage/config';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { createConfigRepoLayout } from './createConfigRepoLayout';
import { ObjectReader } from './applicationSetLocations';

/*
 * Applications an ApplicationSet generated: the layout reads the Application and its ApplicationSet from the
 * cluster (only when asked) and takes what the git generator says, or refuses naming what it looked at.
 */

const REPO = 'https://github.com/acme/gitops-config';
const PATH = 'apps/shop/overlays/staging';

const record: ObjectStatus = {
  key: 'k',
  engine: 'argocd',
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  cluster: 'staging',
  namespace: 'argocd',
  name: 'shop-staging',
  entityRefs: ['component:default/shop'],
  environment: 'staging',
  sync: 'Synced',
  health: { status: 'Healthy' },
  conditions: [],
  suspended: false,
  observedAt: '2026-01-01T00:00:00Z',
  source: { repoURL: REPO, path: PATH, targetRevision: 'main' },
};

const owned = {
  metadata: {
    name: 'shop-staging',
    ownerReferences: [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ApplicationSet',
        name: 'apps',
      },
    ],
  },
  spec: { source: { repoURL: REPO, path: PATH } },
};

/** A directories generator over `apps/*\/overlays/*`, excluding `exclude`. */
const directoriesSet = (exclude: string) => ({
  spec: {
    generators: [
      {
        git: {
          repoURL: REPO,
          revision: 'main',
          directories: [
            { path: 'apps/*/overlays/*' },
            { path: exclude, exclude: true },
          ],
        },
      },
    ],
    template: {
      metadata: { name: '{{path[1]}}-{{path.basename}}' },
      spec: { source: { repoURL: REPO, path: '{{path}}' } },
    },
  },
});

function layoutReading(
  objects: Record<string, object | undefined>,
  read: ObjectReader = async (_cluster, id) =>
    objects[id.kind] as Record<string, unknown> | undefined,
) {
  const layout = createConfigRepoLayout({
    config: new ConfigReader({}),
    statusStore: {
      entityObjects: async () => ({ objects: [record], clusters: [] }),
      overviewObjects: async () => [],
    },
    readObject: read,
  });
  return { layout };
}

describe('createConfigRepoLayout: Applications an ApplicationSet generated', () => {
  it.each([
    {
      what: 'no owner (not generated)',
      objects: { Application: { metadata: { name: 'shop-staging' } } },
    },
    {
      what: 'a directories generator listing the rendered path',
      objects: {
        Application: owned,
        ApplicationSet: directoriesSet('apps/legacy/overlays/*'),
      },
    },
  ])(
    "takes the Application's rendered spec.source.path for $what",
    async ({ objects }) => {
      const { layout } = layoutReading(objects);

      const live = await layout.liveFiles('component:default/shop', 'staging');

      expect(live.locations.map(l => [l.path, l.origin])).toEqual([
        [
          `${PATH}/`,
          'Application argocd/shop-staging spec.source.path (cluster staging)',
        ],
      ]);
    },
  );

  it.each([
    {
      what: 'its directories generator excludes the rendered path',
      objects: {
        Application: owned,
        ApplicationSet: directoriesSet('apps/shop/overlays/*'),
      },
      reason: `, and its directories generator (apps/*/overlays/*, exclude apps/shop/overlays/*) lists no ${PATH}`,
    },
    {
      what: "its files generator's repository is on no integration's host",
      objects: {
        Application: {
          ...owned,
          spec: {
            source: {
              ...owned.spec.source,
              helm: { parameters: [{ name: 'image.tag', value: '1.4.0' }] },
            },
          },
        },
        ApplicationSet: {
          spec: {
            generators: [
              {
                git: {
                  repoURL: 'https://git.example.com/acme/config',
                  files: [{ path: 'apps/shop/envs/*/config.json' }],
                },
              },
            ],
            template: {
              metadata: { name: 'shop-{{path.basename}}' },
              spec: {
                source: {
                  repoURL: REPO,
                  path: PATH,
                  helm: {
                    parameters: [{ name: 'image.tag', value: '{{image.tag}}' }],
                  },
                },
              },
            },
          },
        },
      },
      reason:
        ', whose files generator reads https://git.example.com/acme/config, which matches no integrations.github host',
    },
    {
      what: 'its ApplicationSet cannot be read',
      objects: { Application: owned },
      reason: ', and it is not readable in the cluster',
    },
  ])('refuses when $what, naming it', async ({ objects, reason }) => {
    const { layout } = layoutReading(objects);

    await expect(
      layout.liveFiles('component:default/shop', 'staging'),
    ).rejects.toThrow(
      `Cannot tell which files of component:default/shop to edit in staging: Application argocd/shop-staging (cluster staging) is generated by ApplicationSet argocd/apps${reason}`,
    );
  });

  it('refuses when the cluster cannot be read, naming the cluster and the Application', async () => {
    const { layout } = layoutReading({}, async () => {
      throw new Error('connect ECONNREFUSED');
    });

    await expect(
      layout.liveFiles('component:default/shop', 'staging'),
    ).rejects.toThrow(
      'Cannot tell which files of component:default/shop to edit in staging: Application argocd/shop-staging (cluster staging) could not be read to see whether an ApplicationSet generated it: Error: connect ECONNREFUSED',
    );
  });
});
