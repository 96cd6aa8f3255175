import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { webDevRequest } from './__testUtils__/webDevRequest';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

/** Re-runs of a request: the same one changes nothing, a different one moves the branch of the same PR. */
describe('openConfigRepoPullRequest: re-runs', () => {
  const github = useGithub();

  it('a re-run with the same request reports unchanged and keeps the one PR', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const first = await openConfigRepoPullRequest(webDevRequest(octokit, id));
    const second = await openConfigRepoPullRequest(webDevRequest(octokit, id));
    expect(second).toMatchObject({
      status: 'unchanged',
      number: first.number,
      commitSha: first.commitSha,
    });
    expect(await github.pulls(id)).toHaveLength(1);
  });

  it('a re-run with a different change updates the same PR and moves the branch', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const first = await openConfigRepoPullRequest(webDevRequest(octokit, id));
    const second = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, {
        title: 'Second try',
        change: { files: { 'docs/notes.md': 'hello again\n' } },
      }),
    );
    expect(second).toMatchObject({ status: 'updated', number: first.number });
    expect(second.commitSha).not.toBe(first.commitSha);
    expect(await github.headOf(id, first.branch)).toBe(second.commitSha);
    const pulls = await github.pulls(id);
    expect(pulls.map(p => p.title)).toEqual(['Second try']);
  });
});
