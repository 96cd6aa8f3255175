import { git, useGithub } from '../__testUtils__/harness';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

describe('openConfigRepoPullRequest file modes', () => {
  const github = useGithub();

  it('keeps the executable bit of a file it replaces', async () => {
    const id = await github.newRepo({ 'README.md': '# x\n' });
    const { octokit } = await github.client();
    const main = (await octokit.git.getRef({ ...id, ref: 'heads/main' })).data
      .object.sha;
    const tree = await octokit.git.createTree({
      ...id,
      base_tree: (
        await octokit.git.getCommit({ ...id, commit_sha: main })
      ).data.tree.sha,
      tree: [
        {
          path: 'scripts/check.sh',
          mode: '100755',
          type: 'blob',
          content: '#!/bin/sh\n',
        },
      ],
    });
    const commit = await octokit.git.createCommit({
      ...id,
      message: 'script',
      tree: tree.data.sha,
      parents: [main],
    });
    await octokit.git.updateRef({
      ...id,
      ref: 'heads/main',
      sha: commit.data.sha,
    });

    const result = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: 'gitops/test/script',
      title: 'Update the script',
      change: { files: { 'scripts/check.sh': '#!/bin/sh\nexit 0\n' } },
      validate: false,
    });
    const listing = await git(
      ['ls-tree', result.commitSha!, 'scripts/check.sh'],
      github.emulator.repoPath(id.owner, id.repo),
    );
    expect(listing).toMatch(/^100755 blob /);
  });
});
