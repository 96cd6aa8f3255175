import {
  commitFiles,
  RepoId,
  requestError,
  useEmulator,
} from './__testUtils__/harness';

describe('compare API', () => {
  const env = useEmulator();

  // One repo for the read-only comparisons: main moved on from `same`; `ahead` adds new.txt; `diverged` adds other.txt.
  let id: RepoId;
  beforeAll(async () => {
    id = await env.newRepo({ 'shared.txt': 'base\n' });
    const base = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    await env.octokit.git.createRef({
      ...id,
      ref: 'refs/heads/same',
      sha: base,
    });
    await commitFiles(env.octokit, id, 'ahead', { 'new.txt': 'a\nb\n' });
    await commitFiles(env.octokit, id, 'diverged', { 'other.txt': 'x\n' });
    await commitFiles(env.octokit, id, 'main', { 'main.txt': 'm\n' });
  });

  it.each([
    ['main', 'main', 'identical', 0, 0],
    ['main', 'diverged', 'diverged', 1, 1],
    ['same', 'ahead', 'ahead', 1, 0],
    ['main', 'same', 'behind', 0, 1],
  ])(
    'compares %s...%s as %s',
    async (base, head, status, aheadBy, behindBy) => {
      const { data } = await env.octokit.repos.compareCommitsWithBasehead({
        ...id,
        basehead: `${base}...${head}`,
      });
      expect(data).toMatchObject({
        status,
        ahead_by: aheadBy,
        behind_by: behindBy,
        total_commits: aheadBy,
      });
      expect(data.commits).toHaveLength(aheadBy);
    },
  );

  it('lists the files changed since the merge base with a patch', async () => {
    const { data } = await env.octokit.repos.compareCommitsWithBasehead({
      ...id,
      basehead: 'main...ahead',
    });
    expect(data.files).toEqual([
      expect.objectContaining({
        filename: 'new.txt',
        status: 'added',
        additions: 2,
        deletions: 0,
        changes: 2,
        patch: '@@ -0,0 +1,2 @@\n+a\n+b',
      }),
    ]);
  });

  it('reports removed files', async () => {
    const repo = await env.newRepo({ 'gone.txt': 'x\n', 'keep.txt': 'k\n' });
    await commitFiles(env.octokit, repo, 'rm', { 'gone.txt': null });
    const { data } = await env.octokit.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: 'main...rm',
    });
    expect(
      data.files?.map(file => [file.filename, file.status, file.deletions]),
    ).toEqual([['gone.txt', 'removed', 1]]);
  });

  it('answers 404 for an unknown branch', async () => {
    const error = await requestError(
      env.octokit.repos.compareCommitsWithBasehead({
        ...id,
        basehead: 'main...nope',
      }),
    );
    expect(error.status).toBe(404);
  });
});
