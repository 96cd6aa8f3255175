/**
 * Benchmark (run on purpose, not a test) of the GitOps views for a team of 500 services: the real built app
 * (packages/app/dist) served by the real backend, against the sandbox's emulators with a generated team. Chromium
 * (/usr/bin/chromium via playwright-core) cold-loads each page of pages.ts in a fresh context per run, the pages
 * interleaved so each run sees the same machine load, next to the stock catalog page's first contentful paint.
 * Prints one JSON line; see README.md.
 */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { stringify } from 'yaml';
import { KubeObject } from '@internal/kube-emulator';
import { startSandboxServices } from '@internal/sandbox';
import { commitDesired, diffClusterObjects, DIFF_SERVICE } from './diffFixture';
import {
  applications,
  catalogYaml,
  serviceName,
  SERVICES,
  TEAM,
  TEAM_REF,
} from './fixtures';
import { DIFF_OBJECT_KEY, LATENCY_MS, measure, PAGES } from './pages';
import {
  freePort,
  log,
  ROOT,
  servingHeaders,
  startBackend,
  until,
} from './processes';
import { median, summarise } from './summary';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * Server time of the APIs the pages wait for (median of RUNS sequential calls from Node, no browser). The live
 * diff's first call also renders the config repo (`liveDiffFirst`); the others find that render in the backend's
 * cache and only read and compare the live objects.
 */
async function apiTimes(baseUrl: string, token: string) {
  const gitops = `${baseUrl}/api/gitops`;
  const component = `${gitops}/entities/component/default/${serviceName(1)}`;
  const paths = {
    teamStatus: `${gitops}/teams/default/${TEAM}/status`,
    entityStatus: `${component}/status`,
    pipeline: `${component}/pipeline`,
    liveDiff: `${gitops}/entities/component/default/${DIFF_SERVICE}/live-diff?key=${encodeURIComponent(
      DIFF_OBJECT_KEY,
    )}`,
  };
  const times: Record<string, number> = {};
  for (const [name, url] of Object.entries(paths)) {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      samples.push(performance.now() - started);
    }
    times[name] = Math.round(median(samples));
    if (name === 'liveDiff') times.liveDiffFirst = Math.round(samples[0]);
  }
  return times;
}
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';

async function main() {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-views-'));
  let backend: ChildProcess | undefined;
  let browser: Browser | undefined;
  const sandbox = await startSandboxServices(
    stateDir,
    { github: 0, kubeControl: 0, kubeFirstCluster: 0 },
    false, // no simulated operator: nothing changes the clusters while the page is measured
  );
  try {
    for (const cluster of sandbox.kube.clusters) {
      sandbox.kube
        .cluster(cluster.name)
        .apply(applications(cluster.name, 'prod') as KubeObject[]);
    }
    const desiredRevision = commitDesired(
      sandbox.github.repoPath('acme', 'gitops-config'),
    );
    sandbox.kube
      .cluster('prod')
      .apply(diffClusterObjects(desiredRevision) as KubeObject[]);
    const catalogFile = join(stateDir, 'bench-catalog.yaml');
    writeFileSync(catalogFile, catalogYaml());
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const overrides = join(stateDir, 'app-config.bench.yaml');
    writeFileSync(
      overrides,
      stringify({
        app: { baseUrl },
        backend: { baseUrl, listen: { port }, cors: { origin: baseUrl } },
        // Only the generated team: the catalog ingests it faster without the demo.
        catalog: { locations: [{ type: 'file', target: catalogFile }] },
        // BENCH_PERMISSIONS=off measures the page without the permission framework (every read allowed).
        ...(process.env.BENCH_PERMISSIONS === 'off'
          ? { permission: { enabled: false } }
          : {}),
      }),
    );
    const started = Date.now();
    backend = startBackend(
      [
        resolve(ROOT, 'app-config.yaml'),
        resolve(ROOT, 'app-config.sandbox.yaml'),
        sandbox.configPath,
        overrides,
      ],
      join(stateDir, 'data'),
    );
    // Readiness: every plugin started (the app is served then, not a 503).
    await until('the backend', async () => {
      const ready = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (!ready.ok) return `readiness ${ready.status}`;
      const app = await fetch(baseUrl);
      return app.ok || `app ${app.status}`;
    });
    const backendStartMs = Date.now() - started;
    const serving = await servingHeaders(baseUrl);
    log(`backend up on ${baseUrl} after ${backendStartMs} ms`);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox'],
    });
    const signIn = await browser.newContext({ baseURL: baseUrl });
    const page = await signIn.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', error => pageErrors.push(String(error)));
    page.on('console', message => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    try {
      await page.goto('/');
      await page.getByRole('button', { name: 'Enter' }).click();
      await page
        .getByRole('navigation', { name: 'sidebar nav' })
        .getByRole('link', { name: 'Catalog', exact: true })
        .waitFor();
    } catch (error) {
      // What the browser saw, for the README's troubleshooting: the app not built, or not served.
      const shot = join(tmpdir(), 'bench-views-sign-in.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      log(
        `sign-in failed; screenshot in ${shot}; page errors:\n${pageErrors.join(
          '\n',
        )}`,
      );
      throw error;
    }
    const storageState = await signIn.storageState();
    // The catalog ingests 501 entities and the gitops entity index maps them: wait until the API sees every service.
    const token = await page.evaluate(async () => {
      const response = await fetch('/api/auth/guest/refresh?env=development', {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
        credentials: 'include',
      });
      return (await response.json()).backstageIdentity.token as string;
    });
    await signIn.close();
    const [namespace, name] = TEAM_REF.replace('group:', '').split('/');
    const readyMs = await until(
      `${SERVICES} services in the team status`,
      async () => {
        const response = await fetch(
          `${baseUrl}/api/gitops/teams/${namespace}/${name}/status`,
          {
            headers: { authorization: `Bearer ${token}` },
          },
        );
        if (!response.ok) {
          return `${response.status} ${(await response.text()).slice(0, 300)}`;
        }
        const body = (await response.json()) as { rows: unknown[] };
        return body.rows.length === SERVICES || `${body.rows.length} rows`;
      },
    );
    log(`team of ${SERVICES} services served after ${readyMs} ms more`);
    const apiMs = await apiTimes(baseUrl, token);

    const loadBefore = loadavg()[0];
    const runs: Record<string, Awaited<ReturnType<typeof measure>>[]> = {};
    for (let i = 0; i < RUNS; i++) {
      for (const target of PAGES) {
        const result = await measure(browser, baseUrl, storageState, target, {
          profile: i === 0 && process.env.BENCH_PROFILE === '1',
        });
        (runs[target.name] ??= []).push(result);
        log(`run ${i + 1} ${target.name}: ${Math.round(result.readyMs)} ms`);
        // BENCH_PROFILE=1: the main thread's CPU profile of one cold load of each page, for DevTools or a script.
        if (result.profile) {
          const file = join(tmpdir(), `bench-views-${target.name}.cpuprofile`);
          writeFileSync(file, JSON.stringify(result.profile));
          log(`${target.name} CPU profile: ${file}`);
        }
        // BENCH_LOG_REQUESTS=1: what one cold load of each page fetched (bytes, method, URL), for finding what to cut.
        if (i === 0 && process.env.BENCH_LOG_REQUESTS === '1') {
          log(`${target.name} requests:\n${result.urls.join('\n')}`);
          log(`${target.name} timeline:\n${result.timeline.join('\n')}`);
        }
      }
    }
    process.stdout.write(
      `${JSON.stringify({
        bench: 'views',
        services: SERVICES,
        environments: sandbox.kube.clusters.length,
        runs: RUNS,
        ...summarise(
          runs,
          PAGES.filter(page => page.goal === false).map(page => page.name),
        ),
        apiMs,
        app: process.env.BENCH_APP_DIR ?? 'packages/app',
        serving,
        backendStartMs,
        loadAverage1m: { before: loadBefore, after: loadavg()[0] },
        permissions: process.env.BENCH_PERMISSIONS === 'off' ? 'off' : 'on',
        latencyMs: LATENCY_MS,
      })}\n`,
    );
  } finally {
    await browser?.close();
    if (backend?.pid && backend.exitCode === null) {
      try {
        process.kill(-backend.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise(r => backend!.once('exit', r));
    }
    await sandbox.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`bench/views: ${error.stack ?? error}\n`);
  process.exit(1);
});
