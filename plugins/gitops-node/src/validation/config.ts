import { Config } from '@backstage/config';

/**
 * Reads `gitops.validation.kubectlPath` (default `kubectl` on PATH),
 * `gitops.validation.helmPath` (default `helm` on PATH) and
 * `gitops.validation.timeoutMs`.
 */
export function readValidationOptions(config: Config): {
  kubectlPath: string;
  helmPath: string;
  timeoutMs?: number;
} {
  return {
    kubectlPath:
      config.getOptionalString('gitops.validation.kubectlPath') ?? 'kubectl',
    helmPath: config.getOptionalString('gitops.validation.helmPath') ?? 'helm',
    timeoutMs: config.getOptionalNumber('gitops.validation.timeoutMs'),
  };
}
