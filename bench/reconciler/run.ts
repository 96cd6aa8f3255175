/**
 * Benchmark (run on purpose, not a test) of the GitOps reconciler (plugins/gitops-backend) against
 * @internal/kube-emulator: 20 clusters, 10,000 Argo CD Applications, 500 catalog services, 50 teams.
 * Prints one JSON line; see README.md for what each number means and what is approximate.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { application, SERVICES, TEAMS, teamOf } from './fixtures';
import { portalApi } from './api';
import { startBackendProcess } from './backendProcess';
import { fanOutTeamStatus } from './fanOut';
import { startEmulatorProcess } from './emulatorProcess';
import { startCountingProxy } from './proxy';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 20);
const OBJECTS = CLUSTERS * SERVICES;
const CHANGES = Number(process.env.BENCH_CHANGES ?? 1000);
const TEAM_REQUESTS_1 = Number(process.env.BENCH_TEAM_REQUESTS ?? 500);
const TEAM_CALLERS = 50;
const TEAM_REQUESTS_PER_CALLER = Number(
  process.env.BENCH_TEAM_REQUESTS_PER_CALLER ?? 500,
);
const FANOUT_REQUESTS = Number(process.env.BENCH_FANOUT_REQUESTS ?? 20);
const IDLE_WINDOW_MS = Number(process.env.BENCH_IDLE_WINDOW_MS ?? 60_000);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 60_000);
/** Objects of the cluster only the warm-up backend watches (backendProcess.ts). */
const WARMUP_OBJECTS = 50;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const mb = (bytes: number) => bytes / 1024 / 1024;
function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[
      Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
    ];
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(at(50)), p95: round(at(95)) };
}

async function main() {
  // --- Emulator + seed (not part of coldStart: the clusters exist before the backend starts) ---
  // A child process: the objects it stores do not count in this process's memory figures.
  const emulator = await startEmulatorProcess([
    ...Array.from(
      { length: CLUSTERS },
      (_, i) => `cluster-${String(i).padStart(2, '0')}`,
    ),
    'warmup',
  ]);
  const clusters = emulator.clusters.slice(0, CLUSTERS);
  const warmupCluster = emulator.clusters[CLUSTERS];
  await warmupCluster.apply(
    Array.from({ length: WARMUP_OBJECTS }, (_, i) =>
      application(warmupCluster.name, i),
    ),
  );
  for (const cluster of clusters) {
    await cluster.apply(
      Array.from({ length: SERVICES }, (_, i) => application(cluster.name, i)),
    );
  }
  const proxies = await Promise.all(
    clusters.map(cluster => startCountingProxy(cluster.url)),
  );

  // The backend in its own process: its warm-up, baseline and memory readings are its own (see
  // backendChild.ts); this process keeps the emulator client, the proxies and the callers.
  const backendProcess = await startBackendProcess(
    clusters.map((cluster, i) => ({
      name: cluster.name,
      url: proxies[i].url, // through the counting proxy
      token: cluster.token,
    })),
    {
      cluster: {
        name: warmupCluster.name,
        url: warmupCluster.url,
        token: warmupCluster.token,
      },
      objects: WARMUP_OBJECTS,
    },
  ).catch(async error => {
    await emulator.close();
    throw error;
  });
  const baseline = backendProcess.baseline;

  // --- Cold start: backend start → every object in the cache and served ---
  const started = performance.now();
  const port = await backendProcess.start();
  const { api, close: closeApi } = portalApi(port, {
    Authorization: mockCredentials.service.header(),
  });

  const stopAll = async () => {
    closeApi();
    await backendProcess.stop();
    await Promise.all(proxies.map(proxy => proxy.close()));
    await emulator.close();
  };

  try {
    // A team seeing all its services first: that route reads one team's 200 objects, where `/overview` sorts and
    // authorizes all 10,000 (polling it every 20 ms through the whole cold start was ~15 % of the backend's CPU).
    // The catalog maps objects after they are cached, so by then the overview is complete or nearly.
    for (;;) {
      const body = await api(
        `/teams/default/${teamOf(SERVICES - 1)}/status`,
      ).catch(() => undefined);
      if (body?.counts?.total === OBJECTS / TEAMS) break; // 10 services × 20 clusters
      if (performance.now() - started > 120_000)
        throw new Error('entity mapping timed out');
      await sleep(20);
    }
    for (;;) {
      const body = await api('/overview?limit=1').catch(() => undefined);
      if (body?.total === OBJECTS) break;
      if (performance.now() - started > 120_000)
        throw new Error(`cold start timed out at ${body?.total} objects`);
      await sleep(20);
    }
    const coldStartMs = performance.now() - started;
    const cached = await backendProcess.memory();
    // Steady state: the same idle window as the baseline's, nothing asked of the backend meanwhile.
    const settled = await backendProcess.settle(SETTLE_MS);

    // --- Change → API: one MODIFIED health at a time, poll the entity route until it shows ---
    const healths = ['Progressing', 'Degraded', 'Healthy'];
    const changeSamples: number[] = [];
    for (let n = 0; n < CHANGES; n++) {
      const cluster = clusters[n % CLUSTERS];
      const i = (n * 37) % SERVICES; // spread over services and teams
      const health = healths[n % healths.length];
      const t0 = performance.now();
      await cluster.apply(application(cluster.name, i, health));
      for (;;) {
        const body = await api(`/entities/component/default/svc-${i}/status`);
        const object = body.objects.find(
          (o: any) => o.cluster === cluster.name,
        );
        if (object?.health?.status === health) break;
        if (performance.now() - t0 > 10_000)
          throw new Error(
            `change ${n} not visible: ${JSON.stringify(object)?.slice(0, 300)}`,
          );
        await sleep(1);
      }
      changeSamples.push(performance.now() - t0);
    }
    const change = percentiles(changeSamples);

    // --- Idle window: from here on no object changes; count reconciler → Kubernetes requests ---
    // Team-status and fan-out requests run inside the window: the former never reach Kubernetes
    // (served from the cache), the latter go straight to the emulator, bypassing the proxies.
    const idleStart = performance.now();
    const countsBefore = proxies.map(proxy => proxy.total());
    const kindsBefore = proxies.map(proxy => ({ ...proxy.counts }));

    const teamSamples1: number[] = [];
    for (let n = 0; n < TEAM_REQUESTS_1; n++) {
      const t0 = performance.now();
      const body = await api(`/teams/default/team-${n % TEAMS}/status`);
      teamSamples1.push(performance.now() - t0);
      if (body.counts.total !== OBJECTS / TEAMS) throw new Error('short team');
    }
    const teamSamples50: number[] = [];
    await Promise.all(
      Array.from({ length: TEAM_CALLERS }, async (_, caller) => {
        for (let n = 0; n < TEAM_REQUESTS_PER_CALLER; n++) {
          const t0 = performance.now();
          await api(`/teams/default/team-${(caller + n) % TEAMS}/status`);
          teamSamples50.push(performance.now() - t0);
        }
      }),
    );

    // Fan-out design (today's kubernetes plugin), straight to the emulator: see fanOut.ts.
    const fanOutSamples = await fanOutTeamStatus(clusters, FANOUT_REQUESTS);

    const remaining = IDLE_WINDOW_MS - (performance.now() - idleStart);
    if (remaining > 0) await sleep(remaining);
    const idleMinutes = (performance.now() - idleStart) / 60_000;
    const idleRequests = proxies.map(
      (proxy, i) => proxy.total() - countsBefore[i],
    );
    const byKind: Record<string, number> = {};
    proxies.forEach((proxy, i) => {
      for (const [kind, count] of Object.entries(proxy.counts))
        byKind[kind] =
          (byKind[kind] ?? 0) + count - (kindsBefore[i][kind] ?? 0);
    });

    // --- Marginal memory: 10,000 more objects into the running backend. Unlike the cold-start delta
    // this leaves out the backend's fixed start-up cost (code, default services, SQLite, sockets). ---
    const beforeMore = (await backendProcess.memory()).now;
    for (const cluster of clusters) {
      await cluster.apply(
        Array.from({ length: SERVICES }, (_, i) =>
          application(cluster.name, SERVICES + i),
        ),
      );
    }
    for (const t0 = performance.now(); ; ) {
      const body = await api('/overview?limit=1').catch(() => undefined);
      if (body?.total === 2 * OBJECTS) break;
      if (performance.now() - t0 > 120_000)
        throw new Error(`second batch stuck at ${body?.total} objects`);
      await sleep(20);
    }
    await sleep(500); // let the history recorder flush its batch
    const afterMore = (await backendProcess.memory()).now;

    const team1 = percentiles(teamSamples1);
    const team50 = percentiles(teamSamples50);
    const fanOut = percentiles(fanOutSamples);
    const result = {
      bench: 'reconciler',
      clusters: CLUSTERS,
      objects: OBJECTS,
      teams: TEAMS,
      coldStartMs: Math.round(coldStartMs),
      coldStartCpuMs: Math.round(cached.cpuMs),
      settleS: SETTLE_MS / 1000,
      settledRssMb: Math.round(mb(settled.end.rss)),
      settledRssBeforeBackendMb: Math.round(
        mb(backendProcess.settledBaseline.end.rss),
      ),
      settledBytesPerObject: Math.round(
        (settled.end.rss - backendProcess.settledBaseline.end.rss) / OBJECTS,
      ),
      settledHeapUsedMb: Math.round(mb(settled.end.heapUsed)),
      settledHeapTotalMb: Math.round(mb(settled.end.heapTotal)),
      settledHeapBeforeBackendMb: Math.round(
        mb(backendProcess.settledBaseline.end.heapUsed),
      ),
      settledHeapTotalBeforeBackendMb: Math.round(
        mb(backendProcess.settledBaseline.end.heapTotal),
      ),
      settledRssMbEvery5s: settled.rssMbEvery5s,
      settledBaselineRssMbEvery5s: backendProcess.settledBaseline.rssMbEvery5s,
      // Every memory figure is of the backend process alone (backendChild.ts), after gc.
      gcExposed: cached.gcExposed,
      rssMb: Math.round(mb(cached.now.rss)),
      rssBeforeBackendMb: Math.round(mb(baseline.now.rss)),
      heapUsedMb: Math.round(mb(cached.now.heapUsed)),
      // RSS beyond the used heap: reserved heap pages, Buffers (list response bodies), code, SQLite.
      heapTotalMb: Math.round(mb(cached.now.heapTotal)),
      externalMb: Math.round(mb(cached.now.external)),
      heapBeforeBackendMb: Math.round(mb(baseline.now.heapUsed)),
      heapTotalBeforeBackendMb: Math.round(mb(baseline.now.heapTotal)),
      // High-water marks of the cold start (sampled every 20 ms in the backend process).
      coldStartPeakRssMb: Math.round(mb(cached.peakRss)),
      coldStartPeakHeapTotalMb: Math.round(mb(cached.peakHeapTotal)),
      // (RSS after the cold start − RSS of the same warmed-up process before it watched anything) / objects.
      bytesPerObjectEstimate: Math.round(
        (cached.now.rss - baseline.now.rss) / OBJECTS,
      ),
      // Same, JS heap only (less noisy: no code pages, SQLite or allocator slack).
      heapBytesPerObjectEstimate: Math.round(
        (cached.now.heapUsed - baseline.now.heapUsed) / OBJECTS,
      ),
      marginalBytesPerObject: {
        rss: Math.round((afterMore.rss - beforeMore.rss) / OBJECTS),
        heap: Math.round((afterMore.heapUsed - beforeMore.heapUsed) / OBJECTS),
      },
      changes: changeSamples.length,
      changeToApiP50Ms: change.p50,
      changeToApiP95Ms: change.p95,
      teamStatus1: team1,
      teamStatus50: team50,
      k8sRequestsPerClusterPerMin:
        Math.round(
          (idleRequests.reduce((a, b) => a + b, 0) / CLUSTERS / idleMinutes) *
            100,
        ) / 100,
      idleWindowS: Math.round(idleMinutes * 60),
      idleRequestsByKind: byKind,
      fanOutTeamStatus: fanOut,
      fanOutRatio: Math.round((fanOut.p95 / team1.p95) * 10) / 10,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0), // scheduler timers of the test backend may linger; everything is closed
  error => {
    process.stderr.write(
      `${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
