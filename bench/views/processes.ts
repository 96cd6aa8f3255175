/** Processes and polling for bench/views: a free port, a readiness poll, the backend without its file watcher. */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const READY_TIMEOUT_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export const log = (message: string) =>
  process.stderr.write(`bench/views: ${message}\n`);

/** A free TCP port (the sandbox's and e2e's fixed ports stay untouched). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Polls until `check` answers true (or a reason it is not yet); returns how long it took. */
export async function until(what: string, check: () => Promise<true | string>) {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < READY_TIMEOUT_MS) {
    const answer = await check().catch((error: Error) => error.message);
    if (answer === true) return Date.now() - started;
    last = answer;
    await sleep(1000);
  }
  throw new Error(`timed out waiting for ${what}; last answer: ${last}`);
}

/**
 * The backend as `yarn workspace backend start` runs it, minus the file watcher: other work in the tree must not
 * restart it mid-measurement. It serves packages/app/dist, or BENCH_APP_DIR's dist (appPackage.cjs).
 */
export function startBackend(configs: string[], dataDir: string): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      '--require',
      resolve(__dirname, 'appPackage.cjs'),
      resolve(ROOT, 'packages/backend/src/index.ts'),
      ...configs.flatMap(c => ['--config', c]),
    ],
    {
      cwd: resolve(ROOT, 'packages/backend'),
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true, // its own process group, stopped as one
      env: {
        ...process.env,
        NODE_ENV: 'development', // guest sign-in
        GITOPS_PORTAL_DATA_DIR: dataDir,
        ESBK_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.json'),
        ...(process.env.BENCH_APP_DIR
          ? { BENCH_APP_DIR: resolve(process.env.BENCH_APP_DIR) }
          : {}),
      },
    },
  );
  let tail = '';
  child.stderr?.on('data', chunk => {
    tail = (tail + chunk).slice(-4000);
  });
  child.on('exit', code => {
    if (code) log(`backend exited ${code}:\n${tail}`);
  });
  return child;
}

/** How the backend serves the app: compression and cache headers of index.html and of its first script. */
export async function servingHeaders(baseUrl: string) {
  const index = await fetch(baseUrl, {
    headers: { 'accept-encoding': 'gzip, br' },
  });
  const html = await index.text();
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  const js = script
    ? await fetch(new URL(script, baseUrl), {
        headers: { 'accept-encoding': 'gzip, br' },
      })
    : undefined;
  await js?.arrayBuffer();
  return {
    indexCacheControl: index.headers.get('cache-control'),
    scriptEncoding: js?.headers.get('content-encoding') ?? null,
    scriptCacheControl: js?.headers.get('cache-control') ?? null,
  };
}
