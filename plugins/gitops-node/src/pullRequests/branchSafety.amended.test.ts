import { ConflictError } from '@backstage/errors';
import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';
import { BRANCH, branchRequest, headSha } from './__testUtils__/branchSafety';

describe('openConfigRepoPullRequest: an amended portal commit', () => {
  const github = useGithub();

  it('treats an amended portal commit (same message, other content) as foreign', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const first = await openConfigRepoPullRequest(branchRequest(octokit, id));
    const ours = await octokit.git.getCommit({
      ...id,
      commit_sha: first.commitSha!,
    });
    const tree = await octokit.git.createTree({
      ...id,
      base_tree: ours.data.tree.sha,
      tree: [
        { path: 'docs/person.md', mode: '100644', type: 'blob', content: 'x' },
      ],
    });
    const amended = await octokit.git.createCommit({
      ...id,
      message: ours.data.message,
      tree: tree.data.sha,
      parents: ours.data.parents.map(p => p.sha),
    });
    await octokit.git.updateRef({
      ...id,
      ref: `heads/${BRANCH}`,
      sha: amended.data.sha,
      force: true,
    });
    const error = await openConfigRepoPullRequest(
      branchRequest(octokit, id, {
        change: { files: { 'docs/notes.md': 'v2\n' } },
      }),
    ).catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(amended.data.sha.slice(0, 12));
    expect(await headSha(octokit, id, BRANCH)).toBe(amended.data.sha);
  });
});
