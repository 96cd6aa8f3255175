import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliOptions, parseArgs, USAGE } from './cliArgs';
import { startGithubEmulator } from './emulator';

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(
      `github-emulator: ${(error as Error).message}\n\n${USAGE}`,
    );
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const started = startGithubEmulator({
    dataDir: options.dataDir!,
    host: options.host,
    port: options.port,
    tokens: options.tokens.length > 0 ? options.tokens : undefined,
    login: options.login,
    apps: options.apps.map(app => ({
      appId: app.appId,
      // The key stays in its file and out of argv; only the public half is kept.
      publicKey: readFileSync(app.keyFile, 'utf8'),
      installations: app.installations,
    })),
  });
  // Handlers go in before anything is printed: whoever reads the URL may signal at once.
  const stop = () => {
    started
      .then(emulator => emulator.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const emulator = await started;
  for (const spec of options.repos) {
    const [owner, name] = spec.split('/');
    if (existsSync(join(emulator.repoPath(owner, name), 'HEAD'))) {
      process.stdout.write(`exists  ${emulator.gitUrl(owner, name)}\n`);
    } else {
      await emulator.createRepo(owner, name);
      process.stdout.write(`created ${emulator.gitUrl(owner, name)}\n`);
    }
  }
  process.stdout.write(
    `github-emulator listening on ${emulator.url} (API also at ${emulator.apiUrl})\n`,
  );
}

main().catch(error => {
  process.stderr.write(`github-emulator: ${(error as Error).message}\n`);
  process.exit(1);
});
