/*
 * The sandbox: emulated clusters and a git-backed GitHub with demo data, and the portal's backend (serving the built
 * app) configured to reach both. Ctrl-C stops everything; state stays in the state folder for the next start.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  portsWithOffset,
  SandboxOperatorOptions,
  SandboxServices,
  startSandboxServices,
} from './sandboxServices';
import { loadDemoServices } from './demo/demoServices';
import { demoEstate } from './demo/demoEstate';
import { fluxHelmEstate } from './fluxHelm/fluxHelmEstate';
import type { SandboxEstate } from './sandboxEstate';
import { deliveryHistory } from './demo/deliveryHistory';
import { seedDeliveryHistory } from './demo/seedDeliveryHistory';

const ROOT = resolvePackagePath('@internal/sandbox', '../..');

/** The profiles `--estate <name>` (or SANDBOX_ESTATE) picks; `demo` without either. */
const ESTATES: Record<string, (stateDir: string) => Promise<SandboxEstate>> = {
  demo: demoEstate,
  'flux-helm': fluxHelmEstate,
};

function estateName(args: string[]): string {
  const at = args.indexOf('--estate');
  const name = at >= 0 ? args[at + 1] : process.env.SANDBOX_ESTATE ?? 'demo';
  if (!name || !(name in ESTATES)) {
    throw new Error(
      `unknown --estate ${name ?? '(none)'}; one of ${Object.keys(ESTATES).join(
        ', ',
      )}`,
    );
  }
  return name;
}

const STATE_DIR = resolve(process.env.SANDBOX_STATE_DIR ?? `${ROOT}/.sandbox`);

/** The simulated operator's settings from the environment (see the README). */
function operatorOptions(): SandboxOperatorOptions {
  if (process.env.SANDBOX_OPERATOR === 'off') return false;
  const stepMs = Number(process.env.SANDBOX_OPERATOR_STEP_MS ?? 1000);
  return {
    stepDelayMs: Number.isFinite(stepMs) && stepMs >= 0 ? stepMs : 1000,
    faults: JSON.parse(process.env.SANDBOX_OPERATOR_FAULTS ?? '[]'),
    log: message => process.stdout.write(`sandbox operator: ${message}\n`),
  };
}

/**
 * SANDBOX_PORTAL=off starts only the emulators and the operator, for a Backstage app of one's own to reach through
 * the generated config (the install test runs a stock app against them).
 */
const WITH_PORTAL = process.env.SANDBOX_PORTAL !== 'off';

/** SANDBOX_PORT_OFFSET moves every port (the portal's 7007 too), for a second sandbox beside the first. */
const PORTS = portsWithOffset(
  Number(process.env.SANDBOX_PORT_OFFSET ?? 0) || 0,
);
const PORTAL_URL = `http://localhost:${PORTS.portal ?? 7007}`;

let services: SandboxServices | undefined;
let backend: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('sandbox: stopping\n');
  if (backend?.pid && backend.exitCode === null) {
    try {
      process.kill(-backend.pid, 'SIGTERM'); // the whole group: yarn, backstage-cli and the backend
    } catch {
      // already gone
    }
  }
  await services?.close(); // flushes the clusters' state to disk
  process.exit(code);
}

function banner(s: SandboxServices) {
  const { owner, repo } = s.estate.configRepo;
  return [
    `sandbox: estate ${s.estate.name}, state in ${STATE_DIR}`,
    `sandbox: GitHub emulator ${s.github.url} (config repo ${s.github.gitUrl(
      owner,
      repo,
    )})`,
    ...s.kube.clusters.map(
      c =>
        `sandbox: cluster ${c.name} ${c.url} (kubeconfig ${c.kubeconfigPath})`,
    ),
    `sandbox: cluster control API ${s.kube.controlUrl}`,
    WITH_PORTAL
      ? `sandbox: starting the portal on ${PORTAL_URL} (sign in as guest)`
      : `sandbox: not starting the portal (SANDBOX_PORTAL=off); backend config in ${s.configPath}`,
    '',
  ].join('\n');
}

async function main() {
  // Handlers first: Ctrl-C while seeding must still close the emulators cleanly.
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  const estate = estateName(process.argv.slice(2));
  services = await startSandboxServices(
    STATE_DIR,
    PORTS,
    operatorOptions(),
    ESTATES[estate],
  );
  if (stopping) return;
  process.stdout.write(banner(services));
  if (!WITH_PORTAL) return; // the emulators' servers keep the process alive until a signal
  // Before the portal's first start: 90 days of the demo's delivery history, so the delivery metrics are not empty.
  if (
    estate === 'demo' &&
    (await seedDeliveryHistory(
      resolve(STATE_DIR, 'data'),
      deliveryHistory(loadDemoServices(), services.revision, new Date()),
    ))
  ) {
    process.stdout.write('sandbox: seeded 90 days of delivery history\n');
  }

  const configArgs = [
    ...['app-config.yaml', 'app-config.sandbox.yaml'].map(f =>
      resolve(ROOT, f),
    ),
    services.configPath,
  ].flatMap(f => ['--config', f]);
  // `backstage-cli package start` restarts the backend on every source change; the end-to-end tests want one
  // backend for the whole run, so SANDBOX_BACKEND_WATCH=false runs it once, straight from its sources.
  const once = process.env.SANDBOX_BACKEND_WATCH === 'false';
  const command = once
    ? [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolve(ROOT, 'packages/backend/src/index.ts'),
        ...configArgs,
      ]
    : [
        resolve(ROOT, '.yarn/releases/yarn-4.18.1.cjs'),
        'workspace',
        'backend',
        'start',
        ...configArgs,
      ];
  backend = spawn(process.execPath, command, {
    cwd: resolve(ROOT, 'packages/backend'),
    stdio: 'inherit',
    detached: true, // its own process group, so stopping it stops its children too
    env: {
      ...process.env,
      // what `backstage-cli package start` sets; the guest sign-in is for development only
      ...(once ? { NODE_ENV: 'development' } : {}),
      GITOPS_PORTAL_DATA_DIR: resolve(STATE_DIR, 'data'),
    },
  });
  backend.on('exit', code => {
    if (!stopping) {
      process.stderr.write(`sandbox: the backend exited (${code}); stopping\n`);
      stop(code ?? 1);
    }
  });
}

main().catch(error => {
  process.stderr.write(`sandbox: ${error.stack ?? error}\n`);
  stop(1);
});
