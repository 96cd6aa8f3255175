import { tmpdir } from 'node:os';
import { runRenderer } from './runRenderer';

/**
 * Renders an overlay with `kubectl kustomize <dir>`: execFile, no shell, a
 * timeout, and an environment without the backend's secrets.
 * Rejects with kubectl's stderr (temp-dir prefix removed) on failure.
 *
 * @alpha
 */
export function renderKustomization(options: {
  kubectlPath: string;
  root: string;
  overlay: string;
  timeoutMs?: number;
}): Promise<string> {
  return runRenderer({
    label: 'kubectl kustomize',
    binary: options.kubectlPath,
    configKey: 'gitops.validation.kubectlPath',
    args: ['kustomize', options.overlay],
    root: options.root,
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
    timeoutMs: options.timeoutMs,
  });
}
