/**
 * Benchmark (run on purpose, not a test) of the team overview (plugins/gitops) for a team of 500 services: the real
 * built app (packages/app/dist) served by the real backend, against the sandbox's emulators with a generated team.
 * Chromium (/usr/bin/chromium via playwright-core) loads `/gitops?team=…` in a fresh context per run and reads the
 * `gitops-team-overview-rendered` performance mark TeamOverview sets when its rows first render.
 * Prints one JSON line; see README.md.
 */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { stringify } from 'yaml';
import { KubeObject } from '@internal/kube-emulator';
import { startSandboxServices } from '@internal/sandbox';
import { applications, catalogYaml, SERVICES, TEAM_REF } from './fixtures';
import { freePort, log, ROOT, startBackend, until } from './processes';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const MARK = 'gitops-team-overview-rendered';
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const round = (n: number) => Math.round(n);

/** One measured load of the team overview in a fresh context (cold HTTP cache, signed in via storage state). */
async function measure(
  browser: Browser,
  baseUrl: string,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
) {
  const context = await browser.newContext({ baseURL: baseUrl, storageState });
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  let teamStatusBytes = 0;
  page.on('requestfinished', async request => {
    const sizes = await request.sizes().catch(() => undefined);
    if (!sizes) return;
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    bytes += size;
    requests += 1;
    if (request.url().includes('/api/gitops/teams/')) teamStatusBytes += size;
  });
  await page.goto(`/gitops?team=${encodeURIComponent(TEAM_REF)}`);
  await page.waitForFunction(
    m => performance.getEntriesByName(m).length > 0,
    MARK,
    { timeout: 120_000 },
  );
  const timings = await page.evaluate(m => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const navigation = performance.getEntriesByType(
      'navigation',
    )[0] as PerformanceNavigationTiming;
    return {
      renderedMs: performance.getEntriesByName(m)[0].startTime,
      firstContentfulPaintMs: paint?.startTime,
      domContentLoadedMs: navigation?.domContentLoadedEventEnd,
      rows: document.querySelectorAll('[data-testid="team-row"]').length,
    };
  }, MARK);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await context.close();
  return { ...timings, bytes, requests, teamStatusBytes };
}

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

    const runs = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(await measure(browser, baseUrl, storageState));
    const first = runs[0];
    if (runs.some(run => run.rows !== SERVICES)) {
      throw new Error(
        `a run rendered ${runs
          .map(r => r.rows)
          .join('/')} rows, not ${SERVICES}`,
      );
    }
    process.stdout.write(
      `${JSON.stringify({
        bench: 'views',
        services: SERVICES,
        environments: sandbox.kube.clusters.length,
        runs: RUNS,
        teamOverviewRenderedMs: {
          first: round(first.renderedMs),
          median: round(median(runs.map(r => r.renderedMs))),
          max: round(Math.max(...runs.map(r => r.renderedMs))),
        },
        firstContentfulPaintMs: round(
          median(runs.map(r => r.firstContentfulPaintMs ?? NaN)),
        ),
        domContentLoadedMs: round(
          median(runs.map(r => r.domContentLoadedMs ?? NaN)),
        ),
        bytesTransferred: {
          median: median(runs.map(r => r.bytes)),
          teamStatusResponse: median(runs.map(r => r.teamStatusBytes)),
        },
        requests: median(runs.map(r => r.requests)),
        backendStartMs,
        permissions: process.env.BENCH_PERMISSIONS === 'off' ? 'off' : 'on',
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
