import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { isolatedGitEnv } from './run';

/**
 * Runs a tool (git, kubectl, helm) against an emulator the way a user would: no shell, git's user and system
 * config switched off and HOME in the temp directory, so the machine's settings never leak in. Asynchronous
 * because the emulator answering git usually runs in the same process. Resolves with stdout.
 */
export function runIsolated(
  file: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: isolatedGitEnv({ HOME: tmpdir(), ...options.env }),
      },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${file} ${args.join(' ')} failed: ${stderr}`))
          : resolve(stdout),
    );
  });
}
