import { InputError } from '@backstage/errors';
import { useGithub } from '../../__testUtils__/harness';
import { createConfigRepoReader } from '../../configRepo/createConfigRepoReader';
import { LiveFiles } from './liveFiles';
import { parsePathTemplate } from './layoutTemplate';
import { promotionFiles, PromotionLayout } from './promotionFiles';

const values = (tag: string) => `image:\n  tag: ${tag}\n`;
const overlay = 'resources:\n  - ../../base\n';

/** A repo where each way of finding files gives different ones, so the test sees which way won. */
const REPO = {
  'apps/web/overlays/staging/kustomization.yaml': overlay,
  'apps/web/overlays/prod/kustomization.yaml': overlay,
  'deploy/web/staging/values.yaml': values('1.4.0'),
  'deploy/web/prod/values.yaml': values('1.3.0'),
  'live/web-staging/kustomization.yaml': overlay,
  'live/web-staging/sub/patch.yaml': values('1.4.0'),
  'live/web-prod/kustomization.yaml': overlay,
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'charts/web/values.yaml': values('1.0.0'),
  'charts/web/values-prod.yaml': values('1.3.0'),
  'charts/web/templates/deployment.yaml': 'image: {{ .Values.image.tag }}\n',
  'README.md': '# config\n',
};

const live = (object: string, ...paths: string[]): LiveFiles => ({
  locations: paths.map(path => ({
    path,
    origin: `${object} spec.source.path`,
  })),
  lookedAt: [object],
});

const template = (text: string): PromotionLayout => {
  const parsed = parsePathTemplate(text);
  if (!('layout' in parsed)) throw new Error(parsed.problem);
  return parsed.layout;
};

describe('promotionFiles: live objects, path templates, layouts', () => {
  const github = useGithub();
  const find = async (
    options: Omit<
      Parameters<typeof promotionFiles>[2],
      'service' | 'from' | 'to'
    >,
    repo: Record<string, string> = REPO,
  ) => {
    const id = await github.newRepo(repo);
    const { octokit } = await github.client();
    const reader = createConfigRepoReader(octokit, id);
    return promotionFiles(reader, 'main', {
      service: 'web',
      from: 'staging',
      to: 'prod',
      ...options,
    });
  };

  it.each<{
    way: string;
    options: Parameters<typeof find>[0];
    from: string[];
    to: string[];
    origins: string[];
  }>([
    {
      way: "the live objects' folders (every YAML file below them)",
      options: {
        live: {
          from: live('Application argocd/web-staging', 'live/web-staging/'),
          to: live('Application argocd/web-prod', 'live/web-prod/'),
        },
        templates: [template('deploy/{service}/{env}/')],
      },
      from: [
        'live/web-staging/kustomization.yaml',
        'live/web-staging/sub/patch.yaml',
      ],
      to: ['live/web-prod/kustomization.yaml'],
      origins: [
        'from Application argocd/web-staging spec.source.path',
        'from Application argocd/web-prod spec.source.path',
      ],
    },
    {
      way: 'a live Helm chart folder (its values files, not its templates) and a live values file',
      options: {
        live: {
          from: live(
            'Application argocd/web-staging',
            'deploy/web/staging/values.yaml',
          ),
          to: live('Application argocd/web-prod', 'charts/web/'),
        },
      },
      from: ['deploy/web/staging/values.yaml'],
      to: ['charts/web/values-prod.yaml', 'charts/web/values.yaml'],
      origins: [
        'from Application argocd/web-staging spec.source.path',
        'from Application argocd/web-prod spec.source.path',
      ],
    },
    {
      way: 'the path template for the environment no live object names',
      options: {
        live: {
          from: live('Kustomization flux-system/web', 'live/web-staging/'),
        },
        templates: [template('deploy/{service}/{env}/')],
      },
      from: [
        'live/web-staging/kustomization.yaml',
        'live/web-staging/sub/patch.yaml',
      ],
      to: ['deploy/web/prod/values.yaml'],
      origins: [
        'from Kustomization flux-system/web spec.source.path',
        'from path template deploy/{service}/{env}/ (deploy/web/prod/)',
      ],
    },
    {
      way: 'the path template before the layouts when nothing is live',
      options: { templates: [template('deploy/{service}/{env}/')] },
      from: ['deploy/web/staging/values.yaml'],
      to: ['deploy/web/prod/values.yaml'],
      origins: [
        'from path template deploy/{service}/{env}/ (deploy/web/staging/)',
        'from path template deploy/{service}/{env}/ (deploy/web/prod/)',
      ],
    },
    {
      way: 'the layouts when a live object names a place without files',
      options: {
        live: {
          from: live('Application argocd/web-staging', 'gone/staging/'),
          to: live('Application argocd/web-prod', 'gone/prod/'),
        },
      },
      from: ['apps/web/overlays/staging/kustomization.yaml'],
      to: ['apps/web/overlays/prod/kustomization.yaml'],
      origins: [
        'from layout apps/{service}/overlays/{env}/ (apps/web/overlays/staging/)',
        'from layout apps/{service}/overlays/{env}/ (apps/web/overlays/prod/)',
      ],
    },
  ])('takes $way', async ({ options, from, to, origins }) => {
    const { candidates } = await find(options);
    const first = candidates[0];

    expect([
      Object.keys(first.from.files).sort(),
      Object.keys(first.to.files).sort(),
      [first.from.origin, first.to.origin],
    ]).toEqual([from, to, origins]);
  });

  it('refuses, naming the service, the environment, the live objects and the templates, when nothing has files', async () => {
    const attempt = find(
      {
        live: {
          to: {
            locations: [],
            lookedAt: [
              'Application argocd/web-prod (cluster prod): its sources are in https://github.com/acme/charts, not the config repo',
            ],
          },
        },
        templates: [template('releases/{env}/')],
      },
      // Only staging has files: prod is the environment the message names.
      { 'apps/web/overlays/staging/kustomization.yaml': overlay },
    );

    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(
      'Cannot tell which files of web to edit in prod: live objects in prod: Application argocd/web-prod (cluster prod): its sources are in https://github.com/acme/charts, not the config repo; path templates tried: releases/{env}/; layouts tried: apps/{service}/overlays/{env}/',
    );
  });
});

describe('promotionFiles: environments in two config repos', () => {
  const github = useGithub();

  it("reads the from environment's files from its own repo and the to environment's from the written one", async () => {
    const { octokit } = await github.client();
    const staging = createConfigRepoReader(
      octokit,
      await github.newRepo({ 'web/staging/values.yaml': values('1.4.0') }),
    );
    const prod = createConfigRepoReader(
      octokit,
      await github.newRepo({ 'web/prod/values.yaml': values('1.3.0') }),
    );

    const { candidates } = await promotionFiles(prod, 'main', {
      service: 'web',
      from: 'staging',
      to: 'prod',
      live: {
        from: live('Application argocd/web-staging', 'web/staging/'),
        to: live('Application argocd/web-prod', 'web/prod/'),
      },
      fromRepo: { reader: staging, ref: 'main' },
    });

    expect([candidates[0].from.files, candidates[0].to.files]).toEqual([
      { 'web/staging/values.yaml': values('1.4.0') },
      { 'web/prod/values.yaml': values('1.3.0') },
    ]);
  });
});
