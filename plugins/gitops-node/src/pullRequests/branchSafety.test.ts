import { ConflictError, InputError } from '@backstage/errors';
import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { GithubClient } from '../github/createGithubClient';
import {
  openConfigRepoPullRequest,
  OpenConfigRepoPullRequestOptions,
} from './openConfigRepoPullRequest';

const BRANCH = 'gitops/test/web-dev';

describe('openConfigRepoPullRequest: safe branches', () => {
  const github = useGithub();

  function request(
    octokit: GithubClient,
    id: { owner: string; repo: string },
    overrides: Partial<OpenConfigRepoPullRequestOptions> = {},
  ): OpenConfigRepoPullRequestOptions {
    return {
      octokit,
      ...id,
      branch: BRANCH,
      title: 'Change notes',
      change: { files: { 'docs/notes.md': 'hello\n' } },
      validate: false,
      ...overrides,
    };
  }

  async function headSha(
    octokit: GithubClient,
    id: { owner: string; repo: string },
    branch: string,
  ) {
    const ref = await octokit.git.getRef({ ...id, ref: `heads/${branch}` });
    return ref.data.object.sha;
  }

  /** A commit a person adds on top of `branch` (no portal trailer), as a push would. */
  async function personCommits(
    octokit: GithubClient,
    id: { owner: string; repo: string },
    branch: string,
    path = 'docs/person.md',
  ): Promise<string> {
    const head = await headSha(octokit, id, branch);
    const parent = await octokit.git.getCommit({ ...id, commit_sha: head });
    const tree = await octokit.git.createTree({
      ...id,
      base_tree: parent.data.tree.sha,
      tree: [{ path, mode: '100644', type: 'blob', content: 'mine\n' }],
    });
    const commit = await octokit.git.createCommit({
      ...id,
      message: 'Fix a typo by hand',
      tree: tree.data.sha,
      parents: [head],
    });
    await octokit.git.updateRef({
      ...id,
      ref: `heads/${branch}`,
      sha: commit.data.sha,
    });
    return commit.data.sha;
  }

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
        request(octokit, id, { branch, ...overrides }),
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
      request(octokit, id, {
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
      request(octokit, id, { baseBranch: 'main' }),
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
    const error = await openConfigRepoPullRequest(request(octokit, id)).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(`"${BRANCH}" is protected`);
    expect(calls.filter(c => !c.startsWith('GET '))).toEqual([]);
    expect(await headSha(octokit, id, BRANCH)).toBe(main);
  });

  it.each([
    ['a different change', { 'docs/notes.md': 'hello again\n' }],
    ['the same change', { 'docs/notes.md': 'hello\n' }],
  ])(
    "stops with a ConflictError naming a person's commit on the branch, for %s, and keeps it",
    async (_case, files) => {
      const id = await github.newRepo(seededRepoFiles());
      const { octokit } = await github.client();
      await openConfigRepoPullRequest(request(octokit, id));
      const theirs = await personCommits(octokit, id, BRANCH);
      const error = await openConfigRepoPullRequest(
        request(octokit, id, { change: { files } }),
      ).catch(e => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toContain(`"${BRANCH}"`);
      expect(error.message).toContain(theirs.slice(0, 12));
      expect(await headSha(octokit, id, BRANCH)).toBe(theirs);
    },
  );

  it('treats an amended portal commit (same message, other content) as foreign', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const first = await openConfigRepoPullRequest(request(octokit, id));
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
      request(octokit, id, { change: { files: { 'docs/notes.md': 'v2\n' } } }),
    ).catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(amended.data.sha.slice(0, 12));
    expect(await headSha(octokit, id, BRANCH)).toBe(amended.data.sha);
  });

  it('moves its own branch forward without force: the old head stays a parent', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();
    const first = await openConfigRepoPullRequest(request(octokit, id));
    calls.length = 0;
    const second = await openConfigRepoPullRequest(
      request(octokit, id, { change: { files: { 'docs/notes.md': 'v2\n' } } }),
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
    const first = await openConfigRepoPullRequest(request(octokit, id));
    const newBase = await personCommits(octokit, id, 'main', 'docs/base.md');
    const second = await openConfigRepoPullRequest(request(octokit, id));
    expect(second).toMatchObject({ status: 'updated', number: first.number });
    const moved = await octokit.git.getCommit({
      ...id,
      commit_sha: second.commitSha!,
    });
    expect(moved.data.parents.map(p => p.sha).sort()).toEqual(
      [newBase, first.commitSha].sort(),
    );
    const third = await openConfigRepoPullRequest(request(octokit, id));
    expect(third).toMatchObject({
      status: 'unchanged',
      commitSha: second.commitSha,
    });
  });

  it("never loses a person's commit pushed between the check and the move", async () => {
    const id = await github.newRepo(seededRepoFiles());
    const writer = await github.client();
    const person = await github.client();
    await openConfigRepoPullRequest(request(writer.octokit, id));
    let theirs: string | undefined;
    writer.octokit.hook.before('request', async options => {
      if (options.method === 'PATCH' && theirs === undefined) {
        theirs = await personCommits(person.octokit, id, BRANCH);
      }
    });
    const error = await openConfigRepoPullRequest(
      request(writer.octokit, id, {
        change: { files: { 'docs/notes.md': 'v2\n' } },
      }),
    ).catch(e => e);
    expect(theirs).toBeDefined();
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(theirs!.slice(0, 12));
    expect(await headSha(person.octokit, id, BRANCH)).toBe(theirs);
  });

  it('a base branch that moves mid-run keeps its new commit and ends in one PR', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const writer = await github.client();
    const person = await github.client();
    let theirs: string | undefined;
    // The person pushes to main after the writer read the base and before its first write.
    writer.octokit.hook.before('request', async options => {
      if (options.method === 'POST' && theirs === undefined) {
        theirs = await personCommits(
          person.octokit,
          id,
          'main',
          'docs/base.md',
        );
      }
    });

    const result = await openConfigRepoPullRequest(request(writer.octokit, id));

    expect(theirs).toBeDefined();
    expect(result.status).toBe('opened');
    expect(await headSha(person.octokit, id, 'main')).toBe(theirs);
    expect((await github.pulls(id)).map(p => p.number)).toEqual([
      result.number,
    ]);
  });
});
