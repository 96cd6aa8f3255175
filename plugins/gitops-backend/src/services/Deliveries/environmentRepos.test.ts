import { InputError } from '@backstage/errors';
import type { LiveFiles } from '@gitops-portal/plugin-gitops-node';
import {
  environmentRepoFinder,
  EnvironmentRepoAnswer,
  NO_CONFIG_REPO,
  serviceFolders,
} from './environmentRepos';

const CONFIGURED = {
  host: 'github.com',
  owner: 'acme',
  repo: 'gitops-config',
  branch: 'main',
};
const GHE = 'https://ghe.acme.example/platform/prod-config.git';

const live = (files: Partial<LiveFiles>) => ({
  liveFiles: async () => ({ locations: [], lookedAt: [], ...files }),
});

describe('environmentRepoFinder', () => {
  it.each<
    [string, Parameters<typeof environmentRepoFinder>[0], EnvironmentRepoAnswer]
  >([
    [
      'the repo and places live objects name, on any integrations.github host',
      {
        configRepo: CONFIGURED,
        layout: live({
          repoUrl: GHE,
          locations: [
            {
              path: 'teams/a/shop/overlays/prod/',
              repoUrl: GHE,
              origin: 'Application argocd/shop-prod',
            },
          ],
        }),
      },
      {
        repo: {
          url: 'https://ghe.acme.example/platform/prod-config',
          owner: 'platform',
          repo: 'prod-config',
          places: ['teams/a/shop/overlays/prod/'],
        },
      },
    ],
    [
      'gitops.configRepo where no live object names a repo',
      { configRepo: CONFIGURED, layout: live({}) },
      {
        repo: {
          url: 'https://github.com/acme/gitops-config',
          owner: 'acme',
          repo: 'gitops-config',
          places: [],
        },
      },
    ],
    [
      'gitops.configRepo without a layout',
      { configRepo: CONFIGURED },
      {
        repo: {
          url: 'https://github.com/acme/gitops-config',
          owner: 'acme',
          repo: 'gitops-config',
          places: [],
        },
      },
    ],
    [
      'why, with neither',
      { layout: live({}) },
      { unavailable: NO_CONFIG_REPO },
    ],
    [
      "the layout's refusal when two repos claim the environment",
      {
        configRepo: CONFIGURED,
        layout: {
          liveFiles: async () => {
            throw new InputError(
              'Two config repos claim component:default/shop in qa',
            );
          },
        },
      },
      { unavailable: 'Two config repos claim component:default/shop in qa' },
    ],
  ])('answers %s', async (_case, options, expected) => {
    const find = environmentRepoFinder(options);
    expect(await find('component:default/shop', 'prod', [])).toEqual(expected);
  });
});

describe('serviceFolders', () => {
  it.each<[string, string[], string[]]>([
    [
      'overlays widened to the service folder, once',
      ['apps/shop/overlays/dev/', 'apps/shop/overlays/prod/'],
      ['apps/shop'],
    ],
    [
      'a nested team folder',
      ['teams/a/shop/prod/values.yaml'],
      ['teams/a/shop'],
    ],
    [
      'a file in a folder shared by services, as it is',
      ['apps/production/shop-values.yaml'],
      ['apps/production/shop-values.yaml'],
    ],
    ['nothing of nothing', [], []],
  ])('gives %s', (_case, places, expected) => {
    expect(serviceFolders('shop', places)).toEqual(expected);
  });
});
