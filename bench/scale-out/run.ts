/**
 * Benchmark (run on purpose, not a test) of the sharded reconciler (gitops.sharding.enabled): R replica processes
 * on one PostgreSQL, C emulated clusters, N Argo CD Applications. Prints one JSON line; see README.md.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import knexFactory, { Knex } from 'knex';
import { startEmulatorProcess } from '../reconciler/emulatorProcess';
import { application } from '../reconciler/fixtures';
import { ReplicaSettings } from './fixtures';
import { mb, percentiles, sleep, until } from './measure';

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
const POSTGRES =
  process.env.BENCH_POSTGRES ?? 'postgresql://postgres:postgres@127.0.0.1:5432';

interface Replica {
  name: string;
  child: ChildProcess;
  get(path: string): Promise<any>;
  text(path: string): Promise<string>;
}

const REPLICA_SCRIPT = join(__dirname, 'replica.ts');
const TRANSFORM = require.resolve('@backstage/cli/config/nodeTransform.cjs');

async function startReplica(settings: ReplicaSettings): Promise<Replica> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--require', TRANSFORM, REPLICA_SCRIPT],
    {
      env: { ...process.env, SCALE_OUT_REPLICA: JSON.stringify(settings) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', code =>
      reject(new Error(`${settings.name} exited ${code}`)),
    );
    createInterface({ input: child.stdout! }).on('line', line => {
      const [what, value] = line.split(' ');
      if (what === 'ready') resolve(Number(value));
    });
  });
  return {
    name: settings.name,
    child,
    async text(path) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      if (!res.ok) throw new Error(`${settings.name}${path}: ${res.status}`);
      return res.text();
    },
    async get(path) {
      return JSON.parse(await this.text(path));
    },
  };
}

/** Objects of team t: its services (i % TEAMS === t) in every cluster. */
const teamSize = (t: number) =>
  Math.floor((PER_CLUSTER - 1 - t) / TEAMS + 1) * CLUSTERS;

async function holders(knex: Knex): Promise<Map<string, string>> {
  const rows = await knex('gitops_cluster_leases')
    .select('cluster', 'owner')
    .where('expires_at', '>', knex.fn.now())
    .whereNotNull('owner');
  return new Map(rows.map(row => [row.cluster, row.owner]));
}

async function healthOn(replica: Replica, cluster: string, i: number) {
  const body = await replica.get(
    `/entity?ref=${encodeURIComponent(`component:default/svc-${i}`)}`,
  );
  return body.objects.find((o: any) => o.cluster === cluster)?.health?.status;
}

async function main() {
  const database = `gitops_scale_out_${Date.now()}`;
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES}/postgres`,
  });
  await admin.raw(`CREATE DATABASE ${database}`);
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES}/${database}`,
  });

  // Migrated once here: replicas migrating at the same moment fail with knex's MigrationLocked.
  await knex.migrate.latest({
    directory: join(__dirname, '../../plugins/gitops-backend/migrations'),
  });

  const names = Array.from(
    { length: CLUSTERS },
    (_, i) => `cluster-${String(i).padStart(3, '0')}`,
  );
  const emulator = await startEmulatorProcess(names);
  for (const cluster of emulator.clusters) {
    for (let from = 0; from < PER_CLUSTER; from += 500) {
      const to = Math.min(PER_CLUSTER, from + 500);
      await cluster.apply(
        Array.from({ length: to - from }, (_, k) =>
          application(cluster.name, from + k),
        ),
      );
    }
  }
  const settings = (name: string): ReplicaSettings => ({
    name,
    connection: `${POSTGRES}/${database}`,
    clusters: emulator.clusters.map(({ name: n, url, token }) => ({
      name: n,
      url,
      token,
    })),
    leaseDurationMs: LEASE_MS,
    services: PER_CLUSTER,
    teams: TEAMS,
  });

  let replicas: Replica[] = [];
  try {
    // --- Cold start: R processes → every object in the shared store, mapped, and served by each ---
    const started = performance.now();
    replicas = await Promise.all(
      Array.from({ length: REPLICAS }, (_, r) =>
        startReplica(settings(`replica-${r}`)),
      ),
    );
    const lastTeam = TEAMS - 1;
    await until('full status on every replica', async () => {
      for (const replica of replicas) {
        const team = await replica.get(`/team?name=team-${lastTeam}`);
        if (team.counts.total !== teamSize(lastTeam)) return undefined;
      }
      const [{ mapped }] = await knex('gitops_object_status')
        .count({ mapped: '*' })
        .where('deleted', false)
        .whereRaw('cardinality(entity_keys) > 0');
      return Number(mapped) === OBJECTS ? true : undefined;
    });
    const coldStartMs = Math.round(performance.now() - started);

    // Memory once the fair share has settled (a replica that started first may have listed more at first).
    const share = Math.ceil(CLUSTERS / REPLICAS);
    await until('fair share', async () => {
      const states = await Promise.all(replicas.map(r => r.get('/state')));
      return states.every(s => s.held.length <= share) ? true : undefined;
    });
    await sleep(2_000);
    const memory = await Promise.all(replicas.map(r => r.get('/state?gc=1')));

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
        if (body.counts.total !== teamSize(n % TEAMS))
          throw new Error(
            `short team: ${replica.name} team-${n % TEAMS} answered ${
              body.counts.total
            } of ${teamSize(n % TEAMS)} objects`,
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
      perReplica: memory.map((m, r) => ({
        replica: `replica-${r}`,
        clusters: m.held.length,
        objects: m.objects,
        rssMb: mb(m.rss),
        heapMb: mb(m.heapUsed),
        // Above the replica's own heap before it watched anything (what sharding can divide).
        heapAboveBaselineMb: mb(m.heapUsed - m.baselineHeapUsed),
      })),
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
    await Promise.all(
      replicas.map(
        r =>
          new Promise(resolve => {
            r.child.once('exit', resolve);
            r.child.kill('SIGTERM');
          }),
      ),
    );
    await knex.destroy();
    await emulator.close();
    await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
