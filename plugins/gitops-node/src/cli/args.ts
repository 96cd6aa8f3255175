export const USAGE = `Usage: gitops-validate --repo-dir DIR [options]

Validates a GitOps config repo checkout the way the writer validates a change:
renders overlays with kubectl kustomize, checks schemas and the policy rules.

Options:
  --repo-dir DIR     the checkout (required)
  --overlay PATH     overlay directory to render, relative to DIR; repeatable
                     (default: every apps/<service>/overlays/**/kustomization.yaml)
  --manifests PATH   plain manifest file or directory to check, relative to DIR; repeatable
                     (default: clusters/)
  --kubectl PATH     kubectl with kustomize (default: kubectl on PATH)
  --helm PATH        helm for apps/<service>/chart with each overlay's values.yaml
                     (default: helm on PATH)
  --config FILE      an app-config YAML whose gitops.validation applies (rules, policies, crds, kubernetesVersion);
                     repeatable, later files override earlier ones
  --format FORMAT    text (default), markdown or json
  --help             show this help

Exit status: 0 when everything passes, 1 on violations, 2 on a usage error.
`;

export interface CliOptions {
  repoDir?: string;
  overlays: string[];
  manifests: string[];
  configFiles: string[];
  kubectlPath?: string;
  helmPath?: string;
  format: 'text' | 'markdown' | 'json';
  help?: boolean;
}

/** Parses the command line; throws an Error with a usage message on bad input. */
export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    overlays: [],
    manifests: [],
    configFiles: [],
    format: 'text',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--repo-dir') options.repoDir = value();
    else if (flag === '--overlay') options.overlays.push(value());
    else if (flag === '--manifests') options.manifests.push(value());
    else if (flag === '--config') options.configFiles.push(value());
    else if (flag === '--kubectl') options.kubectlPath = value();
    else if (flag === '--helm') options.helmPath = value();
    else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'markdown' && format !== 'json') {
        throw new Error(
          `--format must be text, markdown or json, got ${format}`,
        );
      }
      options.format = format;
    } else if (flag === '--help') options.help = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!options.help && !options.repoDir)
    throw new Error('--repo-dir is required');
  return options;
}
