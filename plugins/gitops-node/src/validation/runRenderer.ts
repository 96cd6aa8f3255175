import { execFile } from 'node:child_process';

/** Default time one render (`kubectl kustomize`, `helm template`) may take. */
export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;

/**
 * Runs a renderer binary with execFile (no shell), a timeout and only the
 * environment given (never the backend's secrets). Resolves to stdout; rejects
 * with its stderr, the temp checkout prefix removed so messages name repo paths.
 */
export function runRenderer(options: {
  /** What the user sees in errors, e.g. `kubectl kustomize`. */
  label: string;
  binary: string;
  /** The config key that sets `binary`, named when it is missing. */
  configKey: string;
  args: string[];
  root: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<string> {
  const { label, binary, configKey, args, root, env } = options;
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      args,
      {
        cwd: root,
        timeout: options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS,
        maxBuffer: 32 * 1024 * 1024,
        env,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        let detail = String(stderr || error.message)
          .split(`${root}/`)
          .join('')
          .trim()
          .slice(0, 2000);
        if (error.killed) detail = `${label} timed out`;
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          detail = `${
            label.split(' ')[0]
          } not found at "${binary}" (set ${configKey})`;
        }
        reject(new Error(detail));
      },
    );
  });
}
