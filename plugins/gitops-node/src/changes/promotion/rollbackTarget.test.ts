import { InputError } from '@backstage/errors';
import { seededRepoFiles } from '../../__testUtils__/fixtures';
import { useGithub } from '../../__testUtils__/harness';
import { rollbackTargetPath } from '../../__testUtils__/rollbackTargets';
import { createConfigRepoReader } from '../../configRepo/createConfigRepoReader';
import { rollbackTarget } from './rollbackTarget';

describe('rollbackTarget', () => {
  const github = useGithub();

  it.each([
    {
      layout: "the portal's overlay folder",
      repo: seededRepoFiles(),
      at: { service: 'web', environment: 'staging' },
      target: 'apps/web/overlays/staging',
    },
    {
      layout: 'the folder a live object deploys, before the layouts',
      repo: {
        ...seededRepoFiles(),
        'live/web/staging/kustomization.yaml': 'resources: []\n',
      },
      at: {
        service: 'web',
        environment: 'staging',
        live: {
          locations: [
            {
              path: 'live/web/staging/',
              origin: 'Application argocd/web-staging spec.source.path',
            },
          ],
          lookedAt: ['Application argocd/web-staging'],
        },
      },
      target: 'live/web/staging',
    },
  ])('finds $layout', async ({ repo, at, target }) => {
    expect(await rollbackTargetPath(github, repo, at)).toBe(target);
  });

  it('refuses, naming the service, the environment and what it looked at, when nothing has files', async () => {
    const id = await github.newRepo({ 'README.md': '# config\n' });
    const { octokit } = await github.client();

    const attempt = rollbackTarget(
      createConfigRepoReader(octokit, id),
      'main',
      {
        service: 'web',
        environment: 'prod',
        live: { locations: [], lookedAt: ['no live object of web in prod'] },
      },
    );

    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(
      'Cannot tell which files of web to edit in prod: live objects in prod: no live object of web in prod; path templates tried: none configured; layouts tried: apps/{service}/overlays/{env}/',
    );
  });
});
