import { spawn } from 'node:child_process';

/** A git command that exited with an unexpected code. */
export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args[0]} failed (exit ${exitCode}): ${stderr.trim()}`);
    this.name = 'GitCommandError';
  }
}

export interface GitRunOptions {
  /** Written to stdin; data never travels through argv or a shell. */
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Exit codes that are not failures (default only 0). */
  okCodes?: number[];
}

export interface GitResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * The environment every git invocation runs with: the caller's user/system
 * config could sign commits or rewrite URLs, so both are switched off, and
 * variables that would point git at another repository are dropped.
 */
export function isolatedGitEnv(
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('GIT_')) delete env[key];
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    // API paths are plain file names, never pathspec globs or magic.
    GIT_LITERAL_PATHSPECS: '1',
    LC_ALL: 'C',
    ...extra,
  };
}

/** Runs `git <args>` against the repository at gitDir. */
export function runGit(
  gitDir: string,
  args: string[],
  options: GitRunOptions = {},
): Promise<GitResult> {
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      env: isolatedGitEnv({ GIT_DIR: gitDir, ...options.env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.on('error', reject);
    // git may exit before reading all of stdin (e.g. a missing object); that is
    // reported through the exit code, not as an EPIPE crash.
    child.stdin.on('error', () => {});
    child.on('close', code => {
      const result = {
        exitCode: code ?? -1,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8'),
      };
      if (okCodes.includes(result.exitCode)) resolve(result);
      else reject(new GitCommandError(args, code, result.stderr));
    });
    child.stdin.end(options.input ?? '');
  });
}
