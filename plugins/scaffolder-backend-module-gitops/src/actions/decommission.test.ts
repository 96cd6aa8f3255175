import { InputError } from '@backstage/errors';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { checkpointStore, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsDecommissionAction } from './decommission';

describe('gitops:decommission', () => {
  const github = useConfigRepo();

  it('leaves the other services of the team alone', async () => {
    const { repo, repoUrl } = await github.newRepo(
      generateServiceManifests({
        name: 'api',
        team: 'payments',
        image: 'ghcr.io/acme/api',
        environments: [{ name: 'prod', replicas: 1, imageTag: '2.0.0' }],
        delivery: {
          engine: 'argocd',
          repoUrl: 'https://github.com/acme/gitops-config',
        },
      }),
    );
    const { ctx, outputs } = await github.context({ service: 'web', repoUrl });

    await createGitopsDecommissionAction(github.deps()).handler(ctx);

    const files = outputs.changedFiles as string[];
    expect(files.filter(f => f.includes('api'))).toEqual([]);
    const { rendered } = await github.renderTouchedOverlays(
      repo,
      outputs.branch as string,
      ['apps/api/overlays/prod/kustomization.yaml'],
    );
    expect(rendered['apps/api/overlays/prod']).toContain('name: api');
  });

  it('writes nothing on a dry run and lists the deletions', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context(
      { service: 'web', repoUrl },
      { isDryRun: true },
    );

    await createGitopsDecommissionAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toEqual(
      expect.arrayContaining([
        'apps/web/base/workload.yaml',
        'clusters/prod/argocd/web.yaml',
        'clusters/dev/namespaces/web.yaml',
      ]),
    );
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('replays the checkpoint instead of writing again', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const store = checkpointStore();
    const action = createGitopsDecommissionAction(github.deps());
    const statuses = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const { ctx, outputs } = await github.context(
        { service: 'web', repoUrl },
        { checkpoint: store.checkpoint },
      );
      await action.handler(ctx);
      statuses.push(outputs.status);
    }
    expect(statuses).toEqual(['opened', 'opened']);
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it.each([
    ['a service the repo does not have', { service: 'ghost' }],
    ['a name that is not DNS-1123', { service: 'Web' }],
  ])('refuses %s with an InputError', async (_case, input) => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context({ ...input, repoUrl });

    await expect(
      createGitopsDecommissionAction(github.deps()).handler(ctx),
    ).rejects.toBeInstanceOf(InputError);
    expect(await github.pulls(repo)).toEqual([]);
  });
});
