import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GithubEmulator,
  runIsolated,
  startGithubEmulator,
} from '@internal/github-emulator';
import { LoggerService } from '@backstage/backend-plugin-api';
import { createGithubClient, GithubClient } from '../github/createGithubClient';

export const TOKEN = 'ghs_test-token-0123456789abcdef';
export const OWNER = 'acme';
export const KUBECTL = join(
  __dirname,
  '../../../../.tools/kubectl/kubectl/kubectl',
);

/** A LoggerService that keeps what it is given, so tests can read the log. */
export function recordingLogger(
  lines: Array<{ level: string; message: string; meta?: unknown }> = [],
) {
  const logger: LoggerService = {
    error: (message, meta) =>
      void lines.push({ level: 'error', message, meta }),
    warn: (message, meta) => void lines.push({ level: 'warn', message, meta }),
    info: (message, meta) => void lines.push({ level: 'info', message, meta }),
    debug: (message, meta) =>
      void lines.push({ level: 'debug', message, meta }),
    child: () => logger,
  };
  return { logger, lines };
}

/** Runs git like a user, isolated from the machine's config (async: the emulator runs in this process). */
export async function git(args: string[], cwd?: string): Promise<string> {
  return (await runIsolated('git', args, { cwd })).trim();
}

export type { ConfigRepoId } from '../configRepo/types';
import type { ConfigRepoId } from '../configRepo/types';

/** One emulator per test file, a fresh repo per test, and a client counting its requests. */
export function useGithub() {
  let emulator: GithubEmulator | undefined;
  let tmp = '';
  let counter = 0;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'gitops-node-test-'));
    emulator = await startGithubEmulator({
      dataDir: join(tmp, 'data'),
      tokens: [TOKEN],
    });
  });
  afterAll(async () => {
    await emulator?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  return {
    get emulator(): GithubEmulator {
      return emulator!;
    },
    /** A production client (throttling + retry) for the emulator, with a log of `METHOD /path` per request. */
    async client(
      logger?: LoggerService,
      options: { maxServerErrorRetries?: number } = {},
    ): Promise<{ octokit: GithubClient; calls: string[] }> {
      const octokit = await createGithubClient({
        baseUrl: emulator!.url,
        token: TOKEN,
        logger,
        ...options,
      });
      const calls: string[] = [];
      octokit.hook.before('request', request => {
        calls.push(`${request.method} ${String(request.url)}`);
      });
      return { octokit, calls };
    },
    async newRepo(files: Record<string, string>): Promise<ConfigRepoId> {
      const id = { owner: OWNER, repo: `repo-${++counter}` };
      await emulator!.createRepo(id.owner, id.repo, { files });
      return id;
    },
    /** Clones the repo at `branch` and returns a file's text (or undefined when it does not exist). */
    async readFromClone(
      id: ConfigRepoId,
      branch: string,
      path: string,
    ): Promise<string | undefined> {
      const dir = join(tmp, `clone-${++counter}`);
      await git([
        'clone',
        '--quiet',
        '--branch',
        branch,
        emulator!.gitUrl(id.owner, id.repo),
        dir,
      ]);
      try {
        return await readFile(join(dir, path), 'utf8');
      } catch {
        return undefined;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async headOf(
      id: ConfigRepoId,
      branch: string,
    ): Promise<string | undefined> {
      const out = await git([
        'ls-remote',
        emulator!.gitUrl(id.owner, id.repo),
        `refs/heads/${branch}`,
      ]);
      return out ? out.split(/\s+/)[0] : undefined;
    },
    /** Every pull request of the repo, read through the emulator's unauthenticated control API. */
    async pulls(id: ConfigRepoId): Promise<
      Array<{
        number: number;
        head: { ref: string };
        state: string;
        body: string;
        title: string;
        draft?: boolean;
      }>
    > {
      const response = await fetch(
        `${emulator!.url}/_emulator/repos/${id.owner}/${id.repo}/pulls`,
      );
      return (await response.json()) as any;
    },
  };
}
