import { commitFiles, useEmulator } from './__testUtils__/harness';

describe('pull requests associated with a commit', () => {
  const env = useEmulator();

  /** A repo with a pull request from `feature` bringing one commit; merged with `method` unless it stays open. */
  async function pullWithCommit(method?: 'merge' | 'squash' | 'rebase') {
    const id = await env.newRepo({ 'README.md': 'r\n' });
    const headSha = await commitFiles(env.octokit, id, 'feature', {
      'apps/web.yaml': 'v: 2\n',
    });
    const { data: pull } = await env.octokit.pulls.create({
      ...id,
      title: 'Deploy web',
      head: 'feature',
      base: 'main',
    });
    const mergeSha = method
      ? (
          await env.octokit.pulls.merge({
            ...id,
            pull_number: pull.number,
            merge_method: method,
          })
        ).data.sha
      : undefined;
    return { id, number: pull.number, headSha, mergeSha };
  }

  const associated = async (id: { owner: string; repo: string }, sha: string) =>
    (
      await env.octokit.repos.listPullRequestsAssociatedWithCommit({
        ...id,
        commit_sha: sha,
      })
    ).data.map(pull => ({ number: pull.number, state: pull.state }));

  it.each([
    ['the merge commit of a merged pull request', 'merge', 'mergeSha'],
    ['a commit a merged pull request brought', 'merge', 'headSha'],
    ['the squash commit of a merged pull request', 'squash', 'mergeSha'],
  ] as const)(
    'lists the merged pull request for %s',
    async (_, method, which) => {
      const pull = await pullWithCommit(method);
      expect(await associated(pull.id, pull[which]!)).toEqual([
        { number: pull.number, state: 'closed' },
      ]);
    },
  );

  it('lists the open pull request containing a commit not on the default branch', async () => {
    const pull = await pullWithCommit();
    expect(await associated(pull.id, pull.headSha)).toEqual([
      { number: pull.number, state: 'open' },
    ]);
  });

  it('lists no pull request for a commit made on the default branch directly', async () => {
    const id = await env.newRepo({ 'README.md': 'r\n' });
    const sha = await commitFiles(env.octokit, id, 'main', { 'a.txt': '1\n' });
    expect(await associated(id, sha)).toEqual([]);
  });

  it('answers 422 for an unknown sha, as GitHub does', async () => {
    const id = await env.newRepo({ 'README.md': 'r\n' });
    await expect(associated(id, 'f'.repeat(40))).rejects.toMatchObject({
      status: 422,
    });
  });
});
