import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';

/** Default time one `kubectl kustomize` run may take. */
export const DEFAULT_KUSTOMIZE_TIMEOUT_MS = 60_000;

/**
 * Renders an overlay with `kubectl kustomize <dir>`: execFile, no shell, a
 * timeout, and an environment without the backend's secrets.
 * Rejects with kubectl's stderr (temp-dir prefix removed) on failure.
 */
export function renderKustomization(options: {
  kubectlPath: string;
  root: string;
  overlay: string;
  timeoutMs?: number;
}): Promise<string> {
  const { kubectlPath, root, overlay } = options;
  return new Promise((resolve, reject) => {
    execFile(
      kubectlPath,
      ['kustomize', overlay],
      {
        cwd: root,
        timeout: options.timeoutMs ?? DEFAULT_KUSTOMIZE_TIMEOUT_MS,
        maxBuffer: 32 * 1024 * 1024,
        env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
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
        if (error.killed) detail = 'kubectl kustomize timed out';
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          detail = `kubectl not found at "${kubectlPath}" (set gitops.validation.kubectlPath)`;
        }
        reject(new Error(detail));
      },
    );
  });
}
