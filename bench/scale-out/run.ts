/**
 * Benchmark (run on purpose, not a test) of the sharded reconciler (gitops.sharding.enabled): R replica processes
 * on one PostgreSQL, C emulated clusters, N Argo CD Applications. Prints one JSON line; see README.md.
 */
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { startEmulatorProcess } from '../reconciler/emulatorProcess';
import { application } from '../reconciler/fixtures';
import { ReplicaSettings } from './fixtures';
import {
  FleetShape,
  holders,
  Replica,
  startFleet,
  stopReplicas,
  teamSize,
} from './fleet';
import { percentiles, sleep, until } from './measure';

const env = (name: string, fallback: number) =>
  Number(process.env[name] ?? fallback);
const REPLICAS = env('BENCH_REPLICAS', 4);
const CLUSTERS = env('BENCH_CLUSTERS', 100);
const PER_CLUSTER = Math.floor(env('BENCH_OBJECTS', 100_000) / CLUSTERS);
const OBJECTS = PER_CLUSTER * CLUSTERS;
const TEAMS = env('BENCH_TEAMS', 50);
const LEASE_MS = env('BENCH_LEASE_MS', 12_000);
const TEAM_REQUESTS = env('BENCH_TEAM_REQUESTS', 200);
const CHANGES = env('BENCH_CHANGES', 200);
const TAKEOVER_CHANGES = env('BENCH_TAKEOVER_CHANGES', 20);
/** Idle window before resident memory is read: V8 returns a cold start's spare pages some seconds into it. */
const SETTLE_MS = env('BENCH_SETTLE_MS', 60_000);
/** Also measure one replica holding every cluster first (the memory comparison), unless 0. */
const COMPARE = env('BENCH_COMPARE', 1) !== 0 && REPLICAS > 1;
const POSTGRES =
  process.env.BENCH_POSTGRES ?? 'postgresql://postgres:postgres@127.0.0.1:5432';
const SHAPE: FleetShape = {
  clusters: CLUSTERS,
  perCluster: PER_CLUSTER,
  teams: TEAMS,
  settleMs: SETTLE_MS,
};
/** Objects of the cluster each replica watches and drops before its baseline. */
const WARMUP_OBJECTS = 50;
const MIGRATIONS = join(__dirname, '../../plugins/gitops-backend/migrations');

/** A fresh, migrated database (migrated once here: replicas migrating at the same moment would wait on a lock). */
async function freshDatabase(admin: Knex, name: string) {
  await admin.raw(`CREATE DATABASE ${name}`);
  const knex = knexFactory({ client: 'pg', connection: `${POSTGRES}/${name}` });
  await knex.migrate.latest({ directory: MIGRATIONS });
  return knex;
}

const ratio = (part: number, whole: number) =>
  Math.round((part / whole) * 100) / 100;
const mean = (values: number[]) =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

async function healthOn(replica: Replica, cluster: string, i: number) {
  const body = await replica.get(
    `/entity?ref=${encodeURIComponent(`component:default/svc-${i}`)}`,
  );
  return body.objects.find((o: any) => o.cluster === cluster)?.health?.status;
}

async function main() {
  const stamp = Date.now();
  const databases = [
    `gitops_scale_out_${stamp}`,
    `gitops_scale_out_${stamp}_1`,
  ];
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES}/postgres`,
  });
  const knex = await freshDatabase(admin, databases[0]);

  const names = Array.from(
    { length: CLUSTERS },
    (_, i) => `cluster-${String(i).padStart(3, '0')}`,
  );
  const emulator = await startEmulatorProcess([...names, 'warmup']);
  const fleetClusters = emulator.clusters.slice(0, CLUSTERS);
  const warmupCluster = emulator.clusters[CLUSTERS];
  await warmupCluster.apply(
    Array.from({ length: WARMUP_OBJECTS }, (_, i) =>
      application(warmupCluster.name, i),
    ),
  );
  for (const cluster of fleetClusters) {
    for (let from = 0; from < PER_CLUSTER; from += 500) {
      const to = Math.min(PER_CLUSTER, from + 500);
      await cluster.apply(
        Array.from({ length: to - from }, (_, k) =>
          application(cluster.name, from + k),
        ),
      );
    }
  }
  const settings =
    (database: string) =>
    (name: string): ReplicaSettings => ({
      name,
      connection: `${POSTGRES}/${database}`,
      clusters: fleetClusters.map(({ name: n, url, token }) => ({
        name: n,
        url,
        token,
      })),
      warmup: {
        cluster: {
          name: warmupCluster.name,
          url: warmupCluster.url,
          token: warmupCluster.token,
        },
        objects: WARMUP_OBJECTS,
      },
      leaseDurationMs: LEASE_MS,
      services: PER_CLUSTER,
      teams: TEAMS,
    });

  let replicas: Replica[] = [];
  try {
    // --- The comparison: one replica holding every cluster, on its own database, stopped before the fleet ---
    let single: Awaited<ReturnType<typeof startFleet>>['memory'] | undefined;
    if (COMPARE) {
      const own = await freshDatabase(admin, databases[1]);
      const fleet = await startFleet(own, SHAPE, 1, settings(databases[1]));
      await stopReplicas(fleet.replicas);
      await own.destroy();
      single = fleet.memory;
    }

    // --- Cold start: R processes → every object in the shared store, mapped, and served by each ---
    const fleet = await startFleet(
      knex,
      SHAPE,
      REPLICAS,
      settings(databases[0]),
    );
    replicas = fleet.replicas;
    const { coldStartMs, memory } = fleet;

    // --- Team status from each replica ---
    const teamStatus: Record<string, { p50: number; p95: number }> = {};
    /** The same requests timed inside the replica (reader.teamStatus only, no HTTP). */
    const teamHandler: Record<string, { p50: number; p95: number }> = {};
    for (const replica of replicas) {
      const samples: number[] = [];
      for (let n = 0; n < TEAM_REQUESTS; n++) {
        const t0 = performance.now();
        const text = await replica.text(`/team?name=team-${n % TEAMS}`);
        // Timed to the last byte of the answer; parsing it is the client's work.
        samples.push(performance.now() - t0);
        const body = JSON.parse(text);
        const expected = teamSize(SHAPE, n % TEAMS);
        if (body.counts.total !== expected)
          throw new Error(
            `short team: ${replica.name} team-${n % TEAMS} answered ${
              body.counts.total
            } of ${expected} objects`,
          );
      }
      teamStatus[replica.name] = percentiles(samples);
      const { teamHandlerMs } = await replica.get('/state');
      teamHandler[replica.name] = percentiles(teamHandlerMs);
    }

    // --- Change in a cluster → visible on a replica that does not own it ---
    const healths = ['Progressing', 'Degraded', 'Healthy'];
    const changeSamples: number[] = [];
    const owners = await holders(knex);
    for (let n = 0; n < CHANGES; n++) {
      const cluster = emulator.clusters[n % CLUSTERS];
      const i = (n * 37) % PER_CLUSTER;
      const health = healths[n % healths.length];
      const others = replicas.filter(r => r.name !== owners.get(cluster.name));
      // One replica (the baseline run) owns everything: it reads its own change.
      const reader = others.length ? others[n % others.length] : replicas[0];
      const t0 = performance.now();
      await cluster.apply(application(cluster.name, i, health));
      await until(`change ${n}`, async () =>
        (await healthOn(reader, cluster.name, i)) === health ? true : undefined,
      );
      changeSamples.push(performance.now() - t0);
    }

    const result = {
      bench: 'scale-out',
      replicas: REPLICAS,
      clusters: CLUSTERS,
      objects: OBJECTS,
      teams: TEAMS,
      leaseDurationMs: LEASE_MS,
      coldStartMs,
      perReplica: memory,
      ...(single && {
        singleReplica: single[0],
        // Mean replica of the fleet against the one replica holding everything (target ≈ 0.25).
        memoryRatio: {
          heapAboveBaseline: ratio(
            mean(memory.map(m => m.heapAboveBaselineMb)),
            single[0].heapAboveBaselineMb,
          ),
          heap: ratio(mean(memory.map(m => m.heapMb)), single[0].heapMb),
          settledRss: ratio(
            mean(memory.map(m => m.settledRssMb)),
            single[0].settledRssMb,
          ),
        },
      }),
      teamStatus,
      teamHandler,
      changeToOtherReplica: percentiles(changeSamples),
      changes: CHANGES,
    };
    if (REPLICAS === 1) {
      // The single-replica baseline: no one to take over.
      console.log(JSON.stringify(result));
      return;
    }

    // --- Takeover: SIGKILL one replica, change its clusters while no one watches them ---
    const [victim, ...survivors] = replicas;
    const victimClusters = [...(await holders(knex))]
      .filter(([, owner]) => owner === victim.name)
      .map(([cluster]) => cluster);
    const killedAt = performance.now();
    victim.child.kill('SIGKILL');
    replicas = survivors;
    const pending = Array.from({ length: TAKEOVER_CHANGES }, (_, n) => ({
      cluster: victimClusters[n % victimClusters.length],
      i: (n * 53 + 11) % PER_CLUSTER,
      health: n % 2 ? 'Suspended' : 'Missing',
    }));
    for (const change of pending) {
      const cluster = emulator.clusters.find(c => c.name === change.cluster)!;
      await cluster.apply(application(cluster.name, change.i, change.health));
    }
    await until('leases taken over', async () => {
      const now = await holders(knex);
      return victimClusters.every(c => now.has(c) && now.get(c) !== victim.name)
        ? true
        : undefined;
    });
    const takeoverMs = Math.round(performance.now() - killedAt);
    let lost = pending.length;
    const visibleDeadline = Date.now() + 60_000;
    while (lost > 0 && Date.now() < visibleDeadline) {
      const seen = await Promise.all(
        pending.map(
          async (c, n) =>
            (await healthOn(
              survivors[n % survivors.length],
              c.cluster,
              c.i,
            )) === c.health,
        ),
      );
      lost = seen.filter(ok => !ok).length;
      if (lost > 0) await sleep(200);
    }
    const takeoverChangesVisibleMs = Math.round(performance.now() - killedAt);

    console.log(
      JSON.stringify({
        ...result,
        takeoverMs,
        takeoverClusters: victimClusters.length,
        takeoverChanges: TAKEOVER_CHANGES,
        takeoverChangesLost: lost,
        takeoverChangesVisibleMs,
      }),
    );
  } finally {
    await stopReplicas(replicas);
    await knex.destroy();
    await emulator.close();
    for (const database of databases) {
      await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
    await admin.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
