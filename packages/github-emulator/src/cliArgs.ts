export const USAGE = `Usage: github-emulator --data-dir DIR [options]

Options:
  --data-dir DIR     where bare repos and metadata.json live (required)
  --port N           port to listen on (default 7100; 0 picks a free one)
  --host HOST        address to bind (default 127.0.0.1)
  --token T          accepted API token; repeatable (default: any non-empty token).
                     GITHUB_EMULATOR_TOKENS (comma-separated) adds more without exposing them in ps
  --login NAME       the authenticated user's login (default gitops-bot)
  --repo OWNER/NAME  repository to create if missing; repeatable
  --app ID:PEM_FILE[:OWNER,...]
                     a GitHub App (its private or public key PEM file), installed on
                     the listed owners; repeatable
  --help             show this help
`;

export interface CliOptions {
  dataDir?: string;
  port: number;
  host: string;
  tokens: string[];
  login?: string;
  repos: string[];
  apps: CliApp[];
  help?: boolean;
}

/** A `--app` flag: the App id, its key file and the owners it is installed on. */
export interface CliApp {
  appId: number;
  keyFile: string;
  installations: string[];
}

function parseApp(spec: string): CliApp {
  const match = /^(\d+):([^:]+)(?::(.*))?$/.exec(spec);
  if (!match)
    throw new Error(`--app must be ID:PEM_FILE[:OWNER,...], got ${spec}`);
  return {
    appId: Number(match[1]),
    keyFile: match[2],
    installations: (match[3] ?? '').split(',').filter(Boolean),
  };
}

/** Parses the command line; `env` supplies GITHUB_EMULATOR_TOKENS. */
export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): CliOptions {
  const options: CliOptions = {
    port: 7100,
    host: '127.0.0.1',
    tokens: [],
    repos: [],
    apps: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--data-dir') options.dataDir = value();
    else if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--token') options.tokens.push(value());
    else if (flag === '--login') options.login = value();
    else if (flag === '--repo') options.repos.push(value());
    else if (flag === '--app') options.apps.push(parseApp(value()));
    else if (flag === '--help') options.help = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (options.help) return options;
  if (!options.dataDir) throw new Error('--data-dir is required');
  if (!Number.isInteger(options.port) || options.port < 0)
    throw new Error('--port must be a port number');
  for (const repo of options.repos) {
    if (!/^[^/]+\/[^/]+$/.test(repo))
      throw new Error(`--repo must be OWNER/NAME, got ${repo}`);
  }
  const fromEnv = (env.GITHUB_EMULATOR_TOKENS ?? '').split(',').filter(Boolean);
  options.tokens.push(...fromEnv);
  return options;
}
