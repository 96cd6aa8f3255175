import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { ensureBranch } from './ensureBranch';

/** ensureBranch alone: what a second run of the same request finds. */
describe('ensureBranch', () => {
  const github = useGithub();

  async function setUp() {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const base = await octokit.git.getRef({ ...id, ref: 'heads/main' });
    const commit = await octokit.git.getCommit({
      ...id,
      commit_sha: base.data.object.sha,
    });
    const change = {
      branch: 'gitops/promote/web-dev',
      baseSha: base.data.object.sha,
      treeSha: commit.data.tree.sha,
      message: 'Promote web to dev',
    };
    return { repo: { octokit, ...id }, change };
  }

  it('creates the branch on the first run', async () => {
    const { repo, change } = await setUp();
    expect(await ensureBranch(repo, change)).toMatchObject({
      kind: 'created',
    });
  });

  it('reports the branch current on a second run of the same change', async () => {
    const { repo, change } = await setUp();
    const first = await ensureBranch(repo, change);
    const second = await ensureBranch(repo, change);
    expect(second).toEqual({ kind: 'current', commitSha: first.commitSha });
  });

  it('reports the branch current, not created, when both runs write the identical commit (same second)', async () => {
    const { repo, change } = await setUp();
    // git times commits to the second: two runs in one second write the identical commit. Fixing the time on every
    // commit request (the emulator still writes them) makes that case happen on every run of this test.
    const sameSecond = {
      name: 'GitOps Portal',
      email: 'portal@example.com',
      date: '2026-12-07T10:00:00Z',
    };
    repo.octokit.hook.before('request', options => {
      if (options.method === 'POST' && options.url.endsWith('/git/commits')) {
        Object.assign(options, { author: sameSecond, committer: sameSecond });
      }
    });
    const first = await ensureBranch(repo, change);
    expect(await ensureBranch(repo, change)).toEqual({
      kind: 'current',
      commitSha: first.commitSha,
    });
  });
});
