import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { webDevRequest } from './__testUtils__/webDevRequest';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

/** A token that expires mid-task: one clear error, never a half-written change that a re-run cannot finish. */
describe('openConfigRepoPullRequest: a token that expires mid-task', () => {
  const github = useGithub();

  it('before the first write ends in one clear error, with no branch and no PR', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    github.emulator.addFault({
      type: 'status',
      status: 401,
      message: 'Bad credentials',
      match: { method: 'POST', path: 'git/trees' },
    });

    const error = await openConfigRepoPullRequest(
      webDevRequest(octokit, id),
    ).catch(e => e);

    expect(error.message).toMatch(/Bad credentials/);
    expect(await github.headOf(id, 'gitops/test/web-dev')).toBeUndefined();
    expect(await github.pulls(id)).toEqual([]);
  });

  it('after the branch was written: the re-run opens the one PR on that branch', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    github.emulator.addFault({
      type: 'status',
      status: 401,
      message: 'Bad credentials',
      match: { method: 'POST', path: '/pulls' },
    });
    const failed = await openConfigRepoPullRequest(
      webDevRequest(octokit, id),
    ).catch(e => e);
    expect(failed.message).toMatch(/Bad credentials/);
    const branchHead = await github.headOf(id, 'gitops/test/web-dev');
    expect(branchHead).toBeDefined();

    const rerun = await openConfigRepoPullRequest(webDevRequest(octokit, id));

    expect(rerun.commitSha).toBe(branchHead);
    expect((await github.pulls(id)).map(p => p.number)).toEqual([rerun.number]);
  });
});
