import { ConfigReader } from '@backstage/config';
import { GitopsActionDeps } from './types';
import { useConfigRepo } from '../__testUtils__/harness';
import { createGitopsPromoteAction } from './promote';

const promotion = { service: 'web', from: 'staging', to: 'prod' };

describe('gitops.pullRequests.branchPrefix', () => {
  const github = useConfigRepo();

  /** The harness's deps with the portal's branches under `branchPrefix`. */
  function depsWithPrefix(branchPrefix: string): GitopsActionDeps {
    const base = github.deps();
    const root = base.config.get<Record<string, any>>();
    return {
      ...base,
      config: new ConfigReader({
        ...root,
        gitops: { ...root.gitops, pullRequests: { branchPrefix } },
      }),
    };
  }

  it('names the default branch under the configured prefix', async () => {
    const { repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({ ...promotion, repoUrl });

    await createGitopsPromoteAction(depsWithPrefix('platform/')).handler(ctx);

    expect(outputs.branch).toBe('platform/promote/web-staging-to-prod');
  });

  it('refuses a branch outside the configured prefix and opens nothing', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context({
      ...promotion,
      repoUrl,
      branch: 'gitops/promote/web',
    });

    await expect(
      createGitopsPromoteAction(depsWithPrefix('platform/')).handler(ctx),
    ).rejects.toThrow(/branch "gitops\/promote\/web" is outside.*"platform\/"/);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('refuses a prefix that cannot name a folder of branches, naming the key', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context({ ...promotion, repoUrl });

    await expect(
      createGitopsPromoteAction(depsWithPrefix('platform')).handler(ctx),
    ).rejects.toThrow(/gitops\.pullRequests\.branchPrefix "platform"/);
    expect(await github.pulls(repo)).toEqual([]);
  });
});
