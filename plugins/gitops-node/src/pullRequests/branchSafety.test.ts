import { ConflictError, InputError } from '@backstage/errors';
import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';
import { BRANCH, branchRequest, headSha } from './__testUtils__/branchSafety';

describe('openConfigRepoPullRequest: safe branch names, default and protected branches', () => {
  const github = useGithub();

  it.each([
    ['the base branch by name', 'main', {}, /must start with "gitops\/"/],
    ['a ref path', 'refs/heads/gitops/x', {}, /starts with 'refs\/'/],
    ['a parent step', '../x', {}, /contains '\.\.'/],
    ['a parent step under the prefix', 'gitops/../main', {}, /'\.\.'/],
    ['a control character', 'gitops/a\nb', {}, /control character/],
    ['a .lock name', 'gitops/x.lock', {}, /'\.lock'/],
    ['a branch outside the prefix', 'feature/x', {}, /^branch "feature\/x"/],
    [
      'the base branch under the prefix',
      'gitops/base',
      { baseBranch: 'gitops/base' },
      /is the base branch/,
    ],
    [
      'a branch outside a configured prefix',
      'gitops/x',
      { branchPrefix: 'team-a/' },
      /must start with "team-a\/"/,
    ],
  ])(
    'refuses %s with an InputError before any request',
    async (_case, branch, overrides, message) => {
      const id = await github.newRepo(seededRepoFiles());
      const { octokit, calls } = await github.client();
      const error = await openConfigRepoPullRequest(
        branchRequest(octokit, id, { branch, ...overrides }),
      ).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      expect(calls).toEqual([]);
    },
  );

  it('writes a branch under a configured prefix', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      branchRequest(octokit, id, {
        branch: 'team-a/promote/web-prod',
        branchPrefix: 'team-a/',
      }),
    );
    expect(result).toMatchObject({
      status: 'opened',
      branch: 'team-a/promote/web-prod',
    });
  });

  it("refuses the repo's default branch with a ConflictError and writes nothing", async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();
    const main = await headSha(octokit, id, 'main');
    await octokit.git.createRef({
      ...id,
      ref: `refs/heads/${BRANCH}`,
      sha: main,
    });
    await octokit.repos.update({ ...id, default_branch: BRANCH });
    calls.length = 0;
    const error = await openConfigRepoPullRequest(
      branchRequest(octokit, id, { baseBranch: 'main' }),
    ).catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(`"${BRANCH}" is the default branch`);
    expect(calls.filter(c => !c.startsWith('GET '))).toEqual([]);
    expect(await headSha(octokit, id, BRANCH)).toBe(main);
  });

  it('refuses a protected branch with a ConflictError and writes nothing', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();
    const main = await headSha(octokit, id, 'main');
    await octokit.git.createRef({
      ...id,
      ref: `refs/heads/${BRANCH}`,
      sha: main,
    });
    await octokit.repos.updateBranchProtection({
      ...id,
      branch: BRANCH,
      required_status_checks: null,
      enforce_admins: true,
      required_pull_request_reviews: null,
      restrictions: null,
    });
    calls.length = 0;
    const error = await openConfigRepoPullRequest(
      branchRequest(octokit, id),
    ).catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(`"${BRANCH}" is protected`);
    expect(calls.filter(c => !c.startsWith('GET '))).toEqual([]);
    expect(await headSha(octokit, id, BRANCH)).toBe(main);
  });
});
