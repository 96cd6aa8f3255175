import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomToken } from './cluster';
import { gitopsCrds } from './crds';
import { startKubeEmulator } from './emulator';
import { CliOptions, CliUsageError, parseCliArgs, USAGE } from './cliArgs';
import { parseObjects } from './yamlDocs';

/** Stable tokens across restarts: read DIR/<cluster>.token, or create it (owner-only). */
function tokenFor(
  dir: string | undefined,
  cluster: string,
): string | undefined {
  if (!dir) return undefined;
  const file = join(dir, `${cluster}.token`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const token = randomToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

async function run(options: CliOptions) {
  const emulator = await startKubeEmulator({
    host: options.host,
    clusters: options.clusters.map(c => ({
      name: c.name,
      port: c.port,
      token: tokenFor(options.tokenDir, c.name),
    })),
    kubeconfigDir: options.kubeconfigDir,
    stateDir: options.stateDir,
    controlPort: options.controlPort,
  });
  for (const cluster of emulator.clusters) {
    if (options.crds) cluster.apply(gitopsCrds(options.crds));
  }
  for (const seed of options.seeds) {
    const objects = parseObjects(readFileSync(seed.file, 'utf8'));
    const targets = seed.cluster
      ? [emulator.cluster(seed.cluster)]
      : emulator.clusters;
    targets.forEach(c => c.apply(objects));
  }
  // Handlers before the first line printed: a parent may read it and signal at once.
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  for (const c of emulator.clusters) {
    // Never print the token: it is in the kubeconfig file / token file.
    process.stdout.write(
      `cluster ${c.name} ${c.url}${
        c.kubeconfigPath ? ` kubeconfig=${c.kubeconfigPath}` : ''
      }\n`,
    );
  }
  if (emulator.controlUrl)
    process.stdout.write(`control ${emulator.controlUrl}\n`);
}

async function main() {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof CliUsageError)) throw e;
    process.stderr.write(`kube-emulator: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  await run(options);
}

main().catch(e => {
  process.stderr.write(
    `kube-emulator: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
