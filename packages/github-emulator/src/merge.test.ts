import {
  git,
  commitFiles,
  requestError,
  useEmulator,
} from './__testUtils__/harness';

describe('merging pull requests', () => {
  const env = useEmulator();
  let clones = 0;

  async function openPull(
    files: Record<string, string> = { 'apps/web.yaml': 'v: 2\n' },
  ) {
    const id = await env.newRepo({
      'README.md': 'r\n',
      'apps/web.yaml': 'v: 1\n',
    });
    const headSha = await commitFiles(env.octokit, id, 'feature', files);
    const { data } = await env.octokit.pulls.create({
      ...id,
      title: 'Deploy web',
      head: 'feature',
      base: 'main',
    });
    return { id, pull_number: data.number, headSha };
  }

  async function clone(id: { owner: string; repo: string }) {
    const dir = env.dir(`clone-${++clones}`);
    await git([
      'clone',
      '--quiet',
      env.emulator.gitUrl(id.owner, id.repo),
      dir,
    ]);
    return dir;
  }

  it('merge creates a real two-parent merge commit on the base', async () => {
    const { id, pull_number, headSha } = await openPull();
    const baseSha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    const { data } = await env.octokit.pulls.merge({
      ...id,
      pull_number,
      merge_method: 'merge',
    });
    expect(data).toMatchObject({
      merged: true,
      message: 'Pull Request successfully merged',
    });
    const dir = await clone(id);
    expect(await git(['rev-list', '--parents', '-n', '1', 'HEAD'], dir)).toBe(
      `${data.sha} ${baseSha} ${headSha}`,
    );
    expect(await git(['show', 'HEAD:apps/web.yaml'], dir)).toBe('v: 2');
    expect(await git(['log', '-1', '--format=%s', 'HEAD'], dir)).toBe(
      `Merge pull request #${pull_number} from acme/feature`,
    );
  });

  it('squash creates a single-parent commit with the pull request changes', async () => {
    const { id, pull_number } = await openPull();
    const baseSha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    const { data } = await env.octokit.pulls.merge({
      ...id,
      pull_number,
      merge_method: 'squash',
      commit_title: 'Squashed',
    });
    const dir = await clone(id);
    expect(await git(['rev-list', '--parents', '-n', '1', 'HEAD'], dir)).toBe(
      `${data.sha} ${baseSha}`,
    );
    expect(await git(['log', '-1', '--format=%s', 'HEAD'], dir)).toBe(
      'Squashed',
    );
    expect(await git(['show', 'HEAD:apps/web.yaml'], dir)).toBe('v: 2');
  });

  it('rebase replays the pull request commits onto a moved base', async () => {
    const { id, pull_number } = await openPull();
    const movedBase = await commitFiles(
      env.octokit,
      id,
      'main',
      { 'other.txt': 'o\n' },
      { message: 'meanwhile' },
    );
    const { data } = await env.octokit.pulls.merge({
      ...id,
      pull_number,
      merge_method: 'rebase',
    });
    const dir = await clone(id);
    expect(await git(['rev-list', '--parents', '-n', '1', 'HEAD'], dir)).toBe(
      `${data.sha} ${movedBase}`,
    );
    expect(await git(['show', 'HEAD:apps/web.yaml'], dir)).toBe('v: 2');
    expect(await git(['show', 'HEAD:other.txt'], dir)).toBe('o');
  });

  it('marks the pull request merged and closed', async () => {
    const { id, pull_number } = await openPull();
    const merge = await env.octokit.pulls.merge({ ...id, pull_number });
    const { data } = await env.octokit.pulls.get({ ...id, pull_number });
    expect(data).toMatchObject({
      merged: true,
      state: 'closed',
      merge_commit_sha: merge.data.sha,
    });
    expect(data.merged_at).not.toBeNull();
    expect(
      (await env.octokit.pulls.checkIfMerged({ ...id, pull_number })).status,
    ).toBe(204);
  });

  it('answers 405 "Pull Request is not mergeable" on a conflict and reports mergeable: false', async () => {
    const { id, pull_number } = await openPull({
      'apps/web.yaml': 'v: from-feature\n',
    });
    await commitFiles(env.octokit, id, 'main', {
      'apps/web.yaml': 'v: from-main\n',
    });
    const { data } = await env.octokit.pulls.get({ ...id, pull_number });
    expect(data.mergeable).toBe(false);
    const error = await requestError(
      env.octokit.pulls.merge({ ...id, pull_number }),
    );
    expect(error.status).toBe(405);
    expect(error.response?.data.message).toBe('Pull Request is not mergeable');
  });

  it('answers 409 when the expected head sha is stale', async () => {
    const { id, pull_number, headSha } = await openPull();
    await commitFiles(env.octokit, id, 'feature', { 'late.txt': 'l' });
    const error = await requestError(
      env.octokit.pulls.merge({ ...id, pull_number, sha: headSha }),
    );
    expect(error.status).toBe(409);
    expect(error.response?.data.message).toBe(
      'Head branch was modified. Review and try the merge again.',
    );
  });

  it('refuses to merge a pull request twice with 405', async () => {
    const { id, pull_number } = await openPull();
    await env.octokit.pulls.merge({ ...id, pull_number });
    const error = await requestError(
      env.octokit.pulls.merge({ ...id, pull_number }),
    );
    expect(error.status).toBe(405);
  });

  it('refuses a merge method the repository disallows with 405', async () => {
    const { id, pull_number } = await openPull();
    await env.octokit.repos.update({ ...id, allow_squash_merge: false });
    const error = await requestError(
      env.octokit.pulls.merge({ ...id, pull_number, merge_method: 'squash' }),
    );
    expect(error.status).toBe(405);
  });

  it('deletes the head branch after merge when delete_branch_on_merge is set', async () => {
    const { id, pull_number } = await openPull();
    await env.octokit.repos.update({ ...id, delete_branch_on_merge: true });
    await env.octokit.pulls.merge({ ...id, pull_number });
    const error = await requestError(
      env.octokit.git.getRef({ ...id, ref: 'heads/feature' }),
    );
    expect(error.status).toBe(404);
  });
});
