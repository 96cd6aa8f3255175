/**
 * Benchmark (run on purpose, not a test) of the GitOps reconciler (plugins/gitops-backend) against
 * @internal/kube-emulator: 20 clusters, 10,000 Argo CD Applications, 500 catalog services, 50 teams.
 * Prints one JSON line; see README.md for what each number means and what is approximate.
 */
import { AddressInfo } from 'node:net';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { gitopsCrds, startKubeEmulator } from '@internal/kube-emulator';
import { gitopsPlugin } from '../../plugins/gitops-backend/src/plugin';
import { application, entities, ID, SERVICES, TEAMS, teamOf } from './fixtures';
import { startCountingProxy } from './proxy';

const CLUSTERS = 20;
const OBJECTS = CLUSTERS * SERVICES;
const CHANGES = Number(process.env.BENCH_CHANGES ?? 1000);
const TEAM_REQUESTS_1 = Number(process.env.BENCH_TEAM_REQUESTS ?? 500);
const TEAM_CALLERS = 50;
const TEAM_REQUESTS_PER_CALLER = Number(
  process.env.BENCH_TEAM_REQUESTS_PER_CALLER ?? 500,
);
const FANOUT_REQUESTS = Number(process.env.BENCH_FANOUT_REQUESTS ?? 20);
const IDLE_WINDOW_MS = Number(process.env.BENCH_IDLE_WINDOW_MS ?? 60_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const mb = (bytes: number) => bytes / 1024 / 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

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
  const emulator = await startKubeEmulator({
    clusters: Array.from({ length: CLUSTERS }, (_, i) => ({
      name: `cluster-${String(i).padStart(2, '0')}`,
    })),
  });
  for (const cluster of emulator.clusters) {
    cluster.apply(gitopsCrds());
    cluster.apply(
      Array.from({ length: SERVICES }, (_, i) => application(cluster.name, i)),
    );
  }
  const proxies = await Promise.all(
    emulator.clusters.map(cluster => startCountingProxy(cluster.url)),
  );

  const publish = async () => {}; // signals are not measured: a no-op publisher
  gc();
  const { rss: rssBefore, heapUsed: heapBefore } = process.memoryUsage();

  // --- Cold start: backend start → every object in the cache and served ---
  const started = performance.now();
  const backend = await startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({ entities: entities() }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish }),
      }),
      mockServices.rootConfig.factory({
        data: {
          gitops: {
            clusters: emulator.clusters.map((cluster, i) => ({
              name: cluster.name,
              environment: cluster.name,
              url: proxies[i].url, // through the counting proxy
              skipTLSVerify: true,
              serviceAccountToken: cluster.token,
            })),
            staleAfter: '1h',
          },
        },
      }),
    ],
  });
  const port = (backend.server.address() as AddressInfo).port;
  const auth = { Authorization: mockCredentials.service.header() };
  const api = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/gitops${path}`, {
      headers: auth,
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };

  const stopAll = async () => {
    await backend.stop();
    await Promise.all(proxies.map(proxy => proxy.close()));
    await emulator.close();
  };

  try {
    for (;;) {
      const body = await api('/overview?limit=1').catch(() => undefined);
      if (body?.total === OBJECTS) break;
      if (performance.now() - started > 120_000)
        throw new Error(`cold start timed out at ${body?.total} objects`);
      await sleep(20);
    }
    // Objects are cached before the catalog maps them: also wait until a team sees its services.
    for (;;) {
      const body = await api(
        `/teams/default/${teamOf(SERVICES - 1)}/status`,
      ).catch(() => undefined);
      if (body?.counts?.total === OBJECTS / TEAMS) break; // 10 services × 20 clusters
      if (performance.now() - started > 120_000)
        throw new Error('entity mapping timed out');
      await sleep(20);
    }
    const coldStartMs = performance.now() - started;
    gc();
    const { rss: rssAfter, heapUsed: heapAfter } = process.memoryUsage();

    // --- Change → API: one MODIFIED health at a time, poll the entity route until it shows ---
    const healths = ['Progressing', 'Degraded', 'Healthy'];
    const changeSamples: number[] = [];
    for (let n = 0; n < CHANGES; n++) {
      const cluster = emulator.clusters[n % CLUSTERS];
      const i = (n * 37) % SERVICES; // spread over services and teams
      const health = healths[n % healths.length];
      const t0 = performance.now();
      cluster.apply(application(cluster.name, i, health));
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

    // Fan-out design (today's kubernetes plugin): per request, list every watched kind in every
    // cluster and filter by the team's kubernetes-ids. The team's ids come from a precomputed map
    // (no catalog call is timed), which favours fan-out.
    const clients = emulator.clusters.map(cluster => {
      const kc = new KubeConfig();
      kc.loadFromString(cluster.kubeconfig());
      return kc.makeApiClient(CustomObjectsApi);
    });
    const fanOutSamples: number[] = [];
    for (let n = 0; n < FANOUT_REQUESTS; n++) {
      const team = `team-${n % TEAMS}`;
      const ids = new Set(
        Array.from({ length: SERVICES }, (_, i) => i)
          .filter(i => teamOf(i) === team)
          .map(i => `svc-${i}`),
      );
      const t0 = performance.now();
      const perCluster = await Promise.all(
        clients.map(async client => {
          const items: any[] = [];
          let token: string | undefined;
          do {
            const page: any = await client.listClusterCustomObject({
              group: 'argoproj.io',
              version: 'v1alpha1',
              plural: 'applications',
              limit: 500,
              _continue: token,
            });
            items.push(...page.items);
            token = page.metadata?.continue || undefined;
          } while (token);
          return items.filter(item => ids.has(item.metadata?.labels?.[ID]));
        }),
      );
      fanOutSamples.push(performance.now() - t0);
      const found = perCluster.reduce((sum, items) => sum + items.length, 0);
      if (found !== ids.size * CLUSTERS)
        throw new Error(`fan-out found ${found}`);
    }

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

    const team1 = percentiles(teamSamples1);
    const team50 = percentiles(teamSamples50);
    const fanOut = percentiles(fanOutSamples);
    const result = {
      bench: 'reconciler',
      clusters: CLUSTERS,
      objects: OBJECTS,
      teams: TEAMS,
      coldStartMs: Math.round(coldStartMs),
      rssMb: Math.round(mb(rssAfter)),
      // Estimate: whole-process RSS delta (backend, caches, history DB, sockets) / objects.
      bytesPerObjectEstimate: Math.round((rssAfter - rssBefore) / OBJECTS),
      // Same, JS heap only (less noisy: no code pages, SQLite or allocator slack).
      heapBytesPerObjectEstimate: Math.round(
        (heapAfter - heapBefore) / OBJECTS,
      ),
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
