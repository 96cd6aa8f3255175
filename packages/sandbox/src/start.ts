/*
 * The sandbox: emulated clusters and a git-backed GitHub with demo data, and the portal's backend (serving the built
 * app) configured to reach both. Ctrl-C stops everything; state stays in the state folder for the next start.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { startSandboxServices } from './sandboxServices';
import { CONFIG_REPO } from './demo/environments';

const ROOT = resolvePackagePath('@internal/sandbox', '../..');
const STATE_DIR = resolve(process.env.SANDBOX_STATE_DIR ?? `${ROOT}/.sandbox`);

async function main() {
  const services = await startSandboxServices(STATE_DIR);
  const { owner, repo } = CONFIG_REPO;
  process.stdout.write(
    [
      `sandbox: state in ${STATE_DIR}`,
      `sandbox: GitHub emulator ${
        services.github.url
      } (config repo ${services.github.gitUrl(owner, repo)})`,
      ...services.kube.clusters.map(
        c =>
          `sandbox: cluster ${c.name} ${c.url} (kubeconfig ${c.kubeconfigPath})`,
      ),
      `sandbox: cluster control API ${services.kube.controlUrl}`,
      'sandbox: starting the portal on http://localhost:7007 (sign in as guest)',
      '',
    ].join('\n'),
  );

  const backend = spawn(
    process.execPath,
    [
      resolve(ROOT, '.yarn/releases/yarn-4.18.1.cjs'),
      'workspace',
      'backend',
      'start',
      '--config',
      resolve(ROOT, 'app-config.yaml'),
      '--config',
      resolve(ROOT, 'app-config.sandbox.yaml'),
      '--config',
      services.configPath,
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      detached: true, // its own process group, so stopping it stops its children too
      env: {
        ...process.env,
        GITOPS_PORTAL_DATA_DIR: resolve(STATE_DIR, 'data'),
      },
    },
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('sandbox: stopping\n');
    if (backend.exitCode === null && backend.pid) {
      try {
        process.kill(-backend.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await services.close();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  backend.on('exit', code => {
    if (!stopping) {
      process.stderr.write(`sandbox: the backend exited (${code}); stopping\n`);
      stop(code ?? 1);
    }
  });
}

main().catch(error => {
  process.stderr.write(`sandbox: ${error.stack ?? error}\n`);
  process.exit(1);
});
