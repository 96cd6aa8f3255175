import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';
import {
  BRANCH,
  branchRequest,
  personCommits,
} from './__testUtils__/branchSafety';

describe('openConfigRepoPullRequest: moving its own branch without force', () => {
  const github = useGithub();

  it('moves its own branch forward without force: the old head stays a parent', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();
    const first = await openConfigRepoPullRequest(branchRequest(octokit, id));
    calls.length = 0;
    const second = await openConfigRepoPullRequest(
      branchRequest(octokit, id, {
        change: { files: { 'docs/notes.md': 'v2\n' } },
      }),
    );
    expect(second.status).toBe('updated');
    const moved = await octokit.git.getCommit({
      ...id,
      commit_sha: second.commitSha!,
    });
    expect(moved.data.parents.map(p => p.sha)).toContain(first.commitSha);
    expect(calls).toContain('PATCH /repos/{owner}/{repo}/git/refs/{ref}');
    expect(await github.readFromClone(id, BRANCH, 'docs/notes.md')).toBe(
      'v2\n',
    );
  });

  it('a re-run after the base moved updates the branch onto the new base', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const first = await openConfigRepoPullRequest(branchRequest(octokit, id));
    const newBase = await personCommits(octokit, id, 'main', 'docs/base.md');
    const second = await openConfigRepoPullRequest(branchRequest(octokit, id));
    expect(second).toMatchObject({ status: 'updated', number: first.number });
    const moved = await octokit.git.getCommit({
      ...id,
      commit_sha: second.commitSha!,
    });
    expect(moved.data.parents.map(p => p.sha).sort()).toEqual(
      [newBase, first.commitSha].sort(),
    );
    const third = await openConfigRepoPullRequest(branchRequest(octokit, id));
    expect(third).toMatchObject({
      status: 'unchanged',
      commitSha: second.commitSha,
    });
  });
});
