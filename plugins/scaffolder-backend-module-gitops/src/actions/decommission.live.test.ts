import { InputError, NotFoundError } from '@backstage/errors';
import type { ServiceLayoutResponse } from '@gitops-portal/plugin-gitops-common';
import { OWNER, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsDecommissionAction } from './decommission';

/*
 * Issue 15 point 4: decommission removes what the service's live objects deploy from (the gitops backend's layout,
 * stubbed here), not `apps/<service>/`, and refuses, naming what it looked at, when it cannot tell.
 */

/** The seeded `web` service moved under `teams/a/web/` (a layout of the estate's own), plus another service. */
const TEAM_FILES = {
  'teams/a/web/base/kustomization.yaml': 'resources: []\n',
  'teams/a/web/overlays/prod/kustomization.yaml': 'resources: [../../base]\n',
  'teams/a/web/overlays/staging/kustomization.yaml':
    'resources: [../../base]\n',
  'teams/a/cart/overlays/prod/kustomization.yaml': 'resources: []\n',
  'apps/production/kustomization.yaml': 'resources: [web-values.yaml]\n',
  'apps/production/web-values.yaml': 'image:\n  tag: 1.0.0\n',
};

type Location = ServiceLayoutResponse['environments'][0]['locations'][0];

const place = (environment: string, path: string, repoUrl: string) => ({
  environment,
  repoUrl,
  locations: [
    {
      path,
      repoUrl,
      origin: `Application argocd/web-${environment} spec.source.path`,
    },
  ],
  lookedAt: [`Application argocd/web-${environment} (cluster ${environment})`],
});

describe('gitops:decommission from the live objects', () => {
  const github = useConfigRepo();

  /** A repo with TEAM_FILES, its URL as a live object spells it, and a context (a dry run unless `write`). */
  async function setup(write = false) {
    const { repo, repoUrl } = await github.newRepo(TEAM_FILES);
    const liveUrl = `http://${repoUrl.split('?')[0]}/${OWNER}/${repo}.git`;
    const { ctx, outputs } = await github.context(
      { service: 'web', repoUrl },
      { isDryRun: !write },
    );
    return { repo, liveUrl, ctx, outputs };
  }

  const actionWith = (layout: () => Promise<ServiceLayoutResponse>) =>
    createGitopsDecommissionAction({
      ...github.deps(),
      serviceLayout: layout,
    });

  it("removes the service's own folder its live objects deploy from, not apps/<service>/", async () => {
    const { liveUrl, ctx, outputs } = await setup();

    await actionWith(async () => ({
      entityRef: 'component:default/web',
      environments: [
        place('staging', 'teams/a/web/overlays/staging/', liveUrl),
        place('prod', 'teams/a/web/overlays/prod/', liveUrl),
      ],
    })).handler(ctx);

    const files = outputs.changedFiles as string[];
    expect([
      files.filter(f => f.startsWith('teams/')).sort(),
      files.filter(f => f.startsWith('apps/')),
    ]).toEqual([
      [
        'teams/a/web/base/kustomization.yaml',
        'teams/a/web/overlays/prod/kustomization.yaml',
        'teams/a/web/overlays/staging/kustomization.yaml',
      ],
      [],
    ]);
  });

  it.each<
    [string, (url: string) => ServiceLayoutResponse['environments'], RegExp]
  >([
    [
      'a place in a folder shared with other services',
      url => [place('prod', 'apps/production/web-values.yaml', url)],
      /prod: Application argocd\/web-prod spec\.source\.path names apps\/production\/web-values\.yaml, in no folder named web/,
    ],
    [
      'a place in another repository',
      () => [
        place('prod', 'web/prod/', 'https://github.com/acme/elsewhere.git'),
      ],
      /deploys from https:\/\/github\.com\/acme\/elsewhere\.git, not http:\/\//,
    ],
    [
      'an environment whose live objects name no place',
      url => [
        place('staging', 'teams/a/web/overlays/staging/', url),
        {
          environment: 'prod',
          locations: [] as Location[],
          lookedAt: [
            'Application argocd/web-prod (cluster prod): its sources name no folder or values file of a config repo',
          ],
        },
      ],
      /prod: no place named \(Application argocd\/web-prod \(cluster prod\): its sources name no folder/,
    ],
  ])(
    'refuses %s, naming what it looked at, and opens nothing',
    async (_case, environments, message) => {
      const { repo, liveUrl, ctx } = await setup(true);
      const action = actionWith(async () => ({
        entityRef: 'component:default/web',
        environments: environments(liveUrl),
      }));

      const error = await action.handler(ctx).catch(e => e);

      expect([error, error.message]).toEqual([
        expect.any(InputError),
        expect.stringMatching(message),
      ]);
      expect(await github.pulls(repo)).toEqual([]);
    },
  );

  it.each([
    [
      'no environment',
      async () => ({ entityRef: 'component:default/web', environments: [] }),
    ],
    [
      'no such entity',
      async (): Promise<ServiceLayoutResponse> => {
        throw new NotFoundError('no entity component:default/web');
      },
    ],
  ])(
    'removes apps/<service>/ when the backend knows %s',
    async (_case, layout) => {
      const { ctx, outputs } = await setup();

      await actionWith(layout).handler(ctx);

      const files = outputs.changedFiles as string[];
      expect([
        files.some(f => f.startsWith('apps/web/')),
        files.some(f => f.startsWith('teams/')),
      ]).toEqual([true, false]);
    },
  );
});
