import { Octokit } from '@octokit/rest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GithubEmulator,
  GithubEmulatorOptions,
  runIsolated,
  startGithubEmulator,
} from '../index';

export const TOKEN = 'test-token';
export const OWNER = 'acme';

/** Octokit's request log prints every 4xx; tests assert on them instead. */
export const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

/** An Octokit for the emulator; `auth: null` sends no Authorization header. */
export function octokitFor(
  baseUrl: string,
  auth: string | null = TOKEN,
): Octokit {
  return new Octokit({ auth: auth ?? undefined, baseUrl, log: silentLog });
}

/** Runs the git CLI like a user would, isolated from the machine's git config. */
export async function git(args: string[], cwd?: string): Promise<string> {
  const author = { name: 'Test User', email: 'test@example.com' };
  const stdout = await runIsolated('git', args, {
    cwd,
    env: {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    },
  });
  return stdout.trim();
}

// A type alias (not an interface) so it fits Octokit's indexed parameter types.
export type RepoId = { owner: string; repo: string };

/** Starts one emulator (in a fresh temp dir) for the test file; repos are unique per test. */
export function useEmulator(options: Partial<GithubEmulatorOptions> = {}) {
  let emulator: GithubEmulator | undefined;
  let octokit: Octokit | undefined;
  let tmp = '';
  let counter = 0;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'github-emulator-test-'));
    emulator = await startGithubEmulator({
      dataDir: join(tmp, 'data'),
      tokens: [TOKEN],
      ...options,
    });
    octokit = octokitFor(emulator.url);
  });

  afterAll(async () => {
    await emulator?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  return {
    get emulator(): GithubEmulator {
      return emulator!;
    },
    get octokit(): Octokit {
      return octokit!;
    },
    /** A scratch directory removed after the file's tests. */
    dir(name: string): string {
      return join(tmp, name);
    },
    /** A new repo `acme/repo-N` whose main branch holds `files`. */
    async newRepo(
      files: Record<string, string> | null = { 'README.md': '# test\n' },
    ): Promise<RepoId> {
      const id = { owner: OWNER, repo: `repo-${++counter}` };
      await emulator!.createRepo(id.owner, id.repo, files ? { files } : {});
      return id;
    },
    /** A new repo with a README on main and `branch` adding `files`: a pull request's head. */
    async repoWithBranch(
      branch = 'feature',
      files: Record<string, string | null> = { 'new.yaml': 'a: 1\n' },
    ): Promise<{ id: RepoId; headSha: string }> {
      const id = await this.newRepo({ 'README.md': 'r\n' });
      const headSha = await commitFiles(octokit!, id, branch, files);
      return { id, headSha };
    },
  };
}

/**
 * Commits `files` (null deletes a path) on `branch` through the Git Data API,
 * creating the branch from `from` when it does not exist. Returns the commit sha.
 */
export async function commitFiles(
  octokit: Octokit,
  id: RepoId,
  branch: string,
  files: Record<string, string | null>,
  options: { message?: string; from?: string } = {},
): Promise<string> {
  let parent: string;
  let exists = true;
  try {
    parent = (await octokit.git.getRef({ ...id, ref: `heads/${branch}` })).data
      .object.sha;
  } catch {
    exists = false;
    parent = (
      await octokit.git.getRef({
        ...id,
        ref: `heads/${options.from ?? 'main'}`,
      })
    ).data.object.sha;
  }
  const base = (await octokit.git.getCommit({ ...id, commit_sha: parent })).data
    .tree.sha;
  const tree = await octokit.git.createTree({
    ...id,
    base_tree: base,
    tree: Object.entries(files).map(([path, content]) =>
      content === null
        ? { path, mode: '100644' as const, type: 'blob' as const, sha: null }
        : { path, mode: '100644' as const, type: 'blob' as const, content },
    ),
  });
  const commit = await octokit.git.createCommit({
    ...id,
    message: options.message ?? `update ${Object.keys(files).join(', ')}`,
    tree: tree.data.sha,
    parents: [parent],
  });
  if (exists) {
    await octokit.git.updateRef({
      ...id,
      ref: `heads/${branch}`,
      sha: commit.data.sha,
    });
  } else {
    await octokit.git.createRef({
      ...id,
      ref: `refs/heads/${branch}`,
      sha: commit.data.sha,
    });
  }
  return commit.data.sha;
}

/** The RequestError an Octokit call rejects with. */
export async function requestError(call: Promise<unknown>): Promise<{
  status: number;
  message: string;
  response?: { data: any; headers: Record<string, string> };
}> {
  try {
    await call;
  } catch (error) {
    return error as any;
  }
  throw new Error('expected the request to fail');
}
