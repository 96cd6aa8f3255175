/** Replica processes of the scale-out bench: start them, wait for the full picture, read their memory. */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Knex } from 'knex';
import { ReplicaSettings } from './fixtures';
import { mb, sleep, until } from './measure';

export interface Replica {
  name: string;
  child: ChildProcess;
  get(path: string): Promise<any>;
  text(path: string): Promise<string>;
}

const REPLICA_SCRIPT = join(__dirname, 'replica.ts');
const TRANSFORM = require.resolve('@backstage/cli/config/nodeTransform.cjs');

export async function startReplica(
  settings: ReplicaSettings,
): Promise<Replica> {
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
  const text = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    if (!res.ok) throw new Error(`${settings.name}${path}: ${res.status}`);
    return res.text();
  };
  return {
    name: settings.name,
    child,
    text,
    get: async path => JSON.parse(await text(path)),
  };
}

export async function stopReplicas(replicas: Replica[]) {
  await Promise.all(
    replicas.map(
      r =>
        new Promise(resolve => {
          if (r.child.exitCode !== null || r.child.signalCode !== null) {
            resolve(undefined);
            return;
          }
          r.child.once('exit', resolve);
          r.child.kill('SIGTERM');
        }),
    ),
  );
}

/** Cluster -> replica holding its lease now. */
export async function holders(knex: Knex): Promise<Map<string, string>> {
  const rows = await knex('gitops_cluster_leases')
    .select('cluster', 'owner')
    .where('expires_at', '>', knex.fn.now())
    .whereNotNull('owner');
  return new Map(rows.map(row => [row.cluster, row.owner]));
}

export interface FleetShape {
  clusters: number;
  perCluster: number;
  teams: number;
  /** Idle window before resident memory is read. */
  settleMs: number;
}

/** Objects of team t: its services (i % teams === t) in every cluster. */
export const teamSize = (shape: FleetShape, t: number) =>
  Math.floor((shape.perCluster - 1 - t) / shape.teams + 1) * shape.clusters;

/**
 * Starts `count` replicas at once and waits until every object is in the shared table with its entity refs and
 * every replica's team status shows the whole last team (cold start), then until the clusters are shared fairly;
 * then reads each replica's memory: heap after gc, and resident memory after an idle window without forced gc
 * (as an operator's container metrics see it; V8 returns a cold start's spare pages some seconds into it).
 */
export async function startFleet(
  knex: Knex,
  shape: FleetShape,
  count: number,
  settings: (name: string) => ReplicaSettings,
) {
  const started = performance.now();
  const replicas = await Promise.all(
    Array.from({ length: count }, (_, r) =>
      startReplica(settings(`replica-${r}`)),
    ),
  );
  try {
    return await measureFleet(knex, shape, replicas, started);
  } catch (error) {
    await stopReplicas(replicas);
    throw error;
  }
}

async function measureFleet(
  knex: Knex,
  shape: FleetShape,
  replicas: Replica[],
  started: number,
) {
  const lastTeam = shape.teams - 1;
  const objects = shape.clusters * shape.perCluster;
  await until(
    'full status on every replica',
    async () => {
      for (const replica of replicas) {
        const team = await replica.get(`/team?name=team-${lastTeam}`);
        if (team.counts.total !== teamSize(shape, lastTeam)) return undefined;
      }
      const [{ mapped }] = await knex('gitops_object_status')
        .count({ mapped: '*' })
        .where('deleted', false)
        .whereRaw('cardinality(entity_keys) > 0');
      return Number(mapped) === objects ? true : undefined;
      // Checked as often as a browser's team page refetches on live updates, not as a tight loop.
    },
    250,
  );
  const coldStartMs = Math.round(performance.now() - started);

  // A replica that started first may have listed more clusters at first.
  const share = Math.ceil(shape.clusters / replicas.length);
  await until('fair share', async () => {
    const states = await Promise.all(replicas.map(r => r.get('/state')));
    return states.every(s => s.held.length <= share) ? true : undefined;
  });
  await sleep(2_000);
  const afterGc = await Promise.all(replicas.map(r => r.get('/state?gc=1')));
  let settled = afterGc;
  for (let waited = 0; waited < shape.settleMs; waited += 5_000) {
    await sleep(5_000);
    settled = await Promise.all(replicas.map(r => r.get('/state')));
  }
  const memory = afterGc.map((m, r) => ({
    replica: replicas[r].name,
    clusters: m.held.length,
    objects: m.objects,
    heapMb: mb(m.heapUsed),
    // Above the replica's own heap before it watched anything (what sharding can divide).
    heapAboveBaselineMb: mb(m.heapUsed - m.baselineHeapUsed),
    settledRssMb: mb(settled[r].rss),
    settledHeapTotalMb: mb(settled[r].heapTotal),
    settledExternalMb: mb(settled[r].external),
  }));
  return { replicas, coldStartMs, memory };
}
