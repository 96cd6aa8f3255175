import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CreateRepoOptions } from '@internal/github-emulator';

const BIN = join(
  __dirname,
  '../../../../packages/github-emulator/bin/github-emulator',
);

/**
 * Runs the CLI (argv[1]) and exits when its stdin, a pipe from the test
 * process, ends: no emulator outlives a test process that was killed.
 */
const LAUNCH =
  "process.stdin.on('end', () => process.exit(0)).resume(); require(process.argv[1]);";

/** What the tests use of a github-emulator running in its own process. */
export interface EmulatorProcess {
  readonly url: string;
  readonly apiUrl: string;
  gitUrl(owner: string, repo: string): string;
  createRepo(
    owner: string,
    repo: string,
    opts?: CreateRepoOptions,
  ): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the github-emulator CLI in a child process. The emulator runs a git
 * process per request; forked from this (large) jest process each costs
 * several times what it does from the emulator's own small one, and the
 * emulator then works on the second core while the test process waits.
 */
export async function startEmulatorProcess(options: {
  dataDir: string;
  tokens: string[];
}): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    ['-e', LAUNCH, BIN, '--data-dir', options.dataDir, '--port', '0'],
    {
      // Tokens through the environment, never argv (visible in ps).
      env: { ...process.env, GITHUB_EMULATOR_TOKENS: options.tokens.join(',') },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  const url = await listeningUrl(child);
  return {
    url,
    apiUrl: `${url}/api/v3`,
    gitUrl: (owner, repo) => `${url}/${owner}/${repo}.git`,
    async createRepo(owner, repo, opts = {}) {
      const response = await fetch(`${url}/_emulator/repos`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ owner, repo, ...opts }),
      });
      if (!response.ok) {
        throw new Error(
          `creating ${owner}/${repo} failed: ${
            response.status
          } ${await response.text()}`,
        );
      }
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', chunk => {
      stderr += chunk;
    });
    child.stdout!.on('data', chunk => {
      stdout += chunk;
      const match = /listening on (\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.once('error', reject);
    child.once('exit', code =>
      reject(new Error(`github-emulator exited (${code}): ${stderr}`)),
    );
  });
}
