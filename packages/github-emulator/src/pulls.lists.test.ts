import { commitFiles, RepoId, useEmulator } from './__testUtils__/harness';

describe('listing pull requests', () => {
  const env = useEmulator();

  describe('by head and state', () => {
    // One repo for the table: pull requests #1 one, #2 two (open) and #3 three (closed).
    let id: RepoId;
    beforeAll(async () => {
      id = await env.newRepo();
      for (const branch of ['one', 'two', 'three']) {
        await commitFiles(env.octokit, id, branch, { [branch]: branch });
        await env.octokit.pulls.create({
          ...id,
          title: branch,
          head: branch,
          base: 'main',
        });
      }
      await env.octokit.pulls.update({
        ...id,
        pull_number: 3,
        state: 'closed',
      });
    });

    it.each([
      ['an owner:branch head, open by default', { head: 'acme:two' }, [2]],
      ['state open, newest first', { state: 'open' as const }, [2, 1]],
      ['state closed', { state: 'closed' as const }, [3]],
      [
        'state all with a closed head',
        { state: 'all' as const, head: 'acme:three' },
        [3],
      ],
    ])('%s', async (_name, query, numbers) => {
      const { data } = await env.octokit.pulls.list({ ...id, ...query });
      expect(data.map(pull => pull.number)).toEqual(numbers);
    });
  });

  it('lists the files a pull request changes', async () => {
    const { id } = await env.repoWithBranch('feature', {
      'apps/web/new.yaml': 'x: 1\n',
      'README.md': null,
    });
    await env.octokit.pulls.create({
      ...id,
      title: 't',
      head: 'feature',
      base: 'main',
    });
    const { data } = await env.octokit.pulls.listFiles({
      ...id,
      pull_number: 1,
    });
    expect(data.map(file => [file.filename, file.status])).toEqual([
      ['README.md', 'removed'],
      ['apps/web/new.yaml', 'added'],
    ]);
    expect(data[1].patch).toBe('@@ -0,0 +1 @@\n+x: 1');
  });

  it('lists the commits of a pull request oldest first', async () => {
    const { id } = await env.repoWithBranch();
    await commitFiles(
      env.octokit,
      id,
      'feature',
      { 'second.yaml': 'b' },
      { message: 'second' },
    );
    await env.octokit.pulls.create({
      ...id,
      title: 't',
      head: 'feature',
      base: 'main',
    });
    const { data } = await env.octokit.pulls.listCommits({
      ...id,
      pull_number: 1,
    });
    expect(data.map(commit => commit.commit.message)).toEqual([
      'update new.yaml',
      'second',
    ]);
  });
});
