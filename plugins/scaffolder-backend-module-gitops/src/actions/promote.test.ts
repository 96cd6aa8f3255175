import { InputError } from '@backstage/errors';
import { checkpointStore, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsPromoteAction } from './promote';

jest.setTimeout(60_000);

const promotion = { service: 'web', from: 'staging', to: 'prod' };

describe('gitops:promote', () => {
  const github = useConfigRepo();

  it('titles the PR "Promote <svc> <a> → <b>"', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context({ ...promotion, repoUrl });

    await createGitopsPromoteAction(github.deps()).handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.title).toBe('Promote web staging → prod');
  });

  it('writes nothing on a dry run', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context(
      { ...promotion, repoUrl },
      { isDryRun: true },
    );

    await createGitopsPromoteAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toEqual([
      'apps/web/overlays/prod/kustomization.yaml',
    ]);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('replays the checkpoint instead of writing again', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const store = checkpointStore();
    const action = createGitopsPromoteAction(github.deps());
    for (let attempt = 0; attempt < 2; attempt++) {
      const { ctx, outputs } = await github.context(
        { ...promotion, repoUrl },
        { checkpoint: store.checkpoint },
      );
      await action.handler(ctx);
      expect(outputs.status).toBe('opened');
    }
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it('reports empty when both environments already run the same images', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const action = createGitopsPromoteAction(github.deps());
    const first = await github.context({ ...promotion, repoUrl });
    await action.handler(first.ctx);
    await github.octokit().pulls.merge({
      owner: 'acme',
      repo,
      pull_number: first.outputs.pullRequestNumber as number,
    });
    const again = await github.context({
      ...promotion,
      repoUrl,
      branch: 'gitops/promote/again',
    });

    await action.handler(again.ctx);

    expect(again.outputs.status).toBe('empty');
  });

  it.each([
    ['the same environment twice', { to: 'staging' }],
    ['an environment without an overlay', { to: 'qa' }],
    ['a missing service', { service: undefined }],
  ])('refuses %s with an InputError', async (_case, override) => {
    const { repoUrl } = await github.newRepo();
    const { ctx } = await github.context({
      ...promotion,
      repoUrl,
      ...override,
    });

    await expect(
      createGitopsPromoteAction(github.deps()).handler(ctx),
    ).rejects.toBeInstanceOf(InputError);
  });
});
