import { CRD_FAMILY_NAMES, CrdFamily, isCrdFamily } from './crdFamilies';

/** Parsed command line of `kube-emulator`. */
export interface CliOptions {
  clusters: Array<{ name: string; port: number }>;
  host?: string;
  tokenDir?: string;
  kubeconfigDir?: string;
  stateDir?: string;
  controlPort?: number;
  /** Seed files; `cluster` undefined = every cluster. */
  seeds: Array<{ cluster?: string; file: string }>;
  /** The tools whose CRDs every cluster gets (`--crds` alone: all of them); undefined = none. */
  crds?: CrdFamily[];
  help: boolean;
}

export const USAGE = `Usage: kube-emulator --cluster NAME[=PORT] [--cluster ...] [options]

Options:
  --cluster NAME[=PORT]     emulate a cluster (repeatable); no port or 0 = random port
  --host HOST               interface to listen on (default 127.0.0.1)
  --token-file DIR          read each cluster's token from DIR/<cluster>.token, creating it if missing
  --kubeconfig-dir DIR      write DIR/<cluster>.kubeconfig.yaml for each cluster
  --state-dir DIR           persist objects in DIR/<cluster>.json across restarts
  --control-port PORT       start the control HTTP API on 127.0.0.1:PORT (0 = random)
  --seed [CLUSTER=]FILE     apply a (multi-document) YAML file to every cluster, or to CLUSTER (repeatable)
  --crds[=FAMILY,...]       apply the GitOps CRDs to every cluster: every tool's, or only the named ones
                            (${CRD_FAMILY_NAMES.join(', ')})
  --help                    show this help
`;

export class CliUsageError extends Error {}

function parsePort(raw: string, what: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new CliUsageError(`${what}: invalid port "${raw}"`);
  return port;
}

/** `argocd,crossplane` → the families, each once; an empty or unknown name is a usage error. */
function parseCrdFamilies(raw: string): CrdFamily[] {
  const names = raw.split(',').map(name => name.trim());
  const unknown = names.filter(name => !isCrdFamily(name));
  if (unknown.length > 0)
    throw new CliUsageError(
      `--crds: unknown famil${unknown.length > 1 ? 'ies' : 'y'} ${unknown
        .map(name => `"${name}"`)
        .join(', ')} (known: ${CRD_FAMILY_NAMES.join(', ')})`,
    );
  return [...new Set(names as CrdFamily[])];
}

const WITH_VALUE = [
  '--cluster',
  '--host',
  '--token-file',
  '--kubeconfig-dir',
  '--state-dir',
  '--control-port',
  '--seed',
];

/** Parses argv (without node and script); throws CliUsageError with a message for the user. */
export function parseCliArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    clusters: [],
    seeds: [],
    help: false,
  };
  const rawSeeds: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0)
      [flag, value] = [flag.slice(0, eq), flag.slice(eq + 1)];
    if (WITH_VALUE.includes(flag) && value === undefined) {
      value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new CliUsageError(`${flag} needs a value`);
    }
    switch (flag) {
      case '--cluster': {
        const [name, port] = value!.split('=');
        if (!name) throw new CliUsageError('--cluster needs a name');
        if (options.clusters.some(c => c.name === name))
          throw new CliUsageError(`duplicate cluster "${name}"`);
        options.clusters.push({
          name,
          port: port === undefined ? 0 : parsePort(port, `--cluster ${name}`),
        });
        break;
      }
      case '--host':
        options.host = value;
        break;
      case '--token-file':
        options.tokenDir = value;
        break;
      case '--kubeconfig-dir':
        options.kubeconfigDir = value;
        break;
      case '--state-dir':
        options.stateDir = value;
        break;
      case '--control-port':
        options.controlPort = parsePort(value!, '--control-port');
        break;
      case '--seed':
        rawSeeds.push(value!);
        break;
      case '--crds':
        options.crds =
          value === undefined ? [...CRD_FAMILY_NAMES] : parseCrdFamilies(value);
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new CliUsageError(`unknown argument "${argv[i]}"`);
    }
  }
  if (!options.help && options.clusters.length === 0)
    throw new CliUsageError('at least one --cluster is required');
  for (const raw of rawSeeds) {
    const eq = raw.indexOf('=');
    const target = eq > 0 ? raw.slice(0, eq) : undefined;
    // `dev=FILE` targets a cluster only when `dev` is one; otherwise the whole thing is a file name.
    if (target && options.clusters.some(c => c.name === target)) {
      options.seeds.push({ cluster: target, file: raw.slice(eq + 1) });
    } else {
      options.seeds.push({ file: raw });
    }
  }
  return options;
}
