import { Config } from '@backstage/config';

/** Reads `gitops.validation.kubectlPath` (default `kubectl` on PATH) and `gitops.validation.timeoutMs`. */
export function readValidationOptions(config: Config): {
  kubectlPath: string;
  timeoutMs?: number;
} {
  return {
    kubectlPath:
      config.getOptionalString('gitops.validation.kubectlPath') ?? 'kubectl',
    timeoutMs: config.getOptionalNumber('gitops.validation.timeoutMs'),
  };
}
