/**
 * Benchmark (run on purpose, not a test) of entity mapping: 2,000 catalog entities and 100,000 objects (2,000 Argo
 * CD Applications, 98,000 Rollouts they deployed), mapped two ways in the same run:
 *
 * - `label`: today's way, every object labelled `backstage.io/kubernetes-id` and every entity annotated with it;
 * - `tracking`: half the entities claim their Application by `backstage.io/kubernetes-label-selector`, half by
 *   `argocd/app-name`; the Rollouts carry only Argo CD's tracking (half the `argocd.argoproj.io/tracking-id`
 *   annotation, half the instance label) and follow their Application.
 *
 * In process, through the real ObjectCache, EntityIndex and local StatusStore (no emulator, no HTTP: what differs
 * between the two ways is the mapping, which this isolates). Prints one JSON line; see README.md.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { fork } from 'node:child_process';
import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  matchableObject,
  normalizeObject,
} from '../../plugins/gitops-common/src';
import { createEntityIndex } from '../../plugins/gitops-backend/src/services/EntityIndex';
import { createObjectCache } from '../../plugins/gitops-backend/src/services/ObjectCache';
import { createLocalStatusStore } from '../../plugins/gitops-backend/src/services/StatusStore';
import { HistoryStore } from '../../plugins/gitops-backend/src/services/HistoryStore';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 2_000);
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 100_000);
const TEAMS = 50;
const TEAM_REQUESTS = Number(process.env.BENCH_TEAM_REQUESTS ?? 2_000);
/** Served requests (rows kept) take ~50 µs each: ten times as many, for percentiles that hold still. */
const SERVED_REQUESTS = 10 * TEAM_REQUESTS;
const PAGE = 500;
/** Passes, in order (each in its own process); alternating the two ways evens out a drifting machine load. */
const MODES = (
  process.env.BENCH_MODES ?? 'label,tracking,label,tracking'
).split(',') as Mode[];
const ID = 'backstage.io/kubernetes-id';

type Mode = 'label' | 'tracking';

const name = (i: number) => `svc-${String(i).padStart(4, '0')}`;

function entity(i: number, mode: Mode): Entity {
  let annotations: Record<string, string>;
  if (mode === 'label') annotations = { [ID]: name(i) };
  else if (i % 2 === 0) {
    annotations = {
      'backstage.io/kubernetes-label-selector': `app=${name(i)}`,
    };
  } else annotations = { 'argocd/app-name': name(i) };
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: name(i), namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `team-${i % TEAMS}`,
    },
  };
}

function application(i: number, mode: Mode) {
  const labels: Record<string, string> = {
    'app.kubernetes.io/part-of': 'bench',
  };
  if (mode === 'label') labels[ID] = name(i);
  else if (i % 2 === 0) labels.app = name(i);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: name(i), namespace: 'argocd', labels },
    spec: {
      project: 'default',
      source: {
        repoURL: 'https://github.example.com/acme/config.git',
        path: `apps/${name(i)}`,
      },
    },
    status: {
      sync: {
        status: 'Synced',
        revision: 'f3b1c2d4e5f60718293a4b5c6d7e8f9012345678',
      },
      health: { status: i % 17 === 0 ? 'Degraded' : 'Healthy' },
    },
  };
}

function rollout(j: number, mode: Mode) {
  const app = name(j % ENTITIES);
  const rolloutName = `${app}-r${Math.floor(j / ENTITIES)}`;
  const labels: Record<string, string> = {
    'app.kubernetes.io/part-of': 'bench',
  };
  const annotations: Record<string, string> = {};
  if (mode === 'label') labels[ID] = app;
  else if (j % 2 === 0) {
    annotations[
      'argocd.argoproj.io/tracking-id'
    ] = `${app}:argoproj.io/Rollout:${app}/${rolloutName}`;
  } else labels['app.kubernetes.io/instance'] = app;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: rolloutName, namespace: app, labels, annotations },
    spec: { replicas: 2 },
    status: { phase: 'Healthy', replicas: 2, availableReplicas: 2 },
  };
}

const input = (
  raw: ReturnType<typeof rollout> | ReturnType<typeof application>,
) => ({
  record: normalizeObject(raw, { cluster: 'bench' }),
  match: matchableObject(raw),
});

const silent: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silent,
};

const gc = () => {
  for (let i = 0; i < 4; i++) (global as { gc?: () => void }).gc?.();
};
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function run(mode: Mode) {
  let entities = Array.from({ length: ENTITIES }, (_, i) => entity(i, mode));
  // Only what the EntityIndex calls (the mocks of backend-test-utils need jest).
  const catalog = {
    streamEntities: () =>
      (async function* pages() {
        yield entities;
      })(),
  } as unknown as CatalogService;
  const before = heapUsed();
  const cache = createObjectCache();
  const entityIndex = createEntityIndex({
    catalog,
    auth: mockServices.auth(),
    logger: silent,
    cache,
  });
  await entityIndex.refresh();

  // Applications after the Rollouts: the harder order (every Rollout re-mapped when its Application arrives).
  let start = performance.now();
  const rollouts = cache.beginRelist('bench|argoproj.io|Rollout');
  const rolloutCount = OBJECTS - ENTITIES;
  for (let j = 0; j < rolloutCount; j += PAGE) {
    const page = [];
    for (let k = j; k < Math.min(j + PAGE, rolloutCount); k++)
      page.push(input(rollout(k, mode)));
    rollouts.putPage(page);
  }
  rollouts.finish();
  const apps = cache.beginRelist('bench|argoproj.io|Application');
  for (let i = 0; i < ENTITIES; i += PAGE) {
    const page = [];
    for (let k = i; k < Math.min(i + PAGE, ENTITIES); k++)
      page.push(input(application(k, mode)));
    apps.putPage(page);
  }
  apps.finish();
  const fillMs = performance.now() - start;
  const bytesPerObject = (heapUsed() - before) / OBJECTS;

  const mapped = cache.all().filter(o => o.entityRefs.length === 1).length;

  // A catalog change (one more entity) re-maps every cached object.
  entities = [...entities, entity(ENTITIES, mode)];
  start = performance.now();
  await entityIndex.refresh();
  const remapMs = performance.now() - start;

  const store = createLocalStatusStore({
    cache,
    entityIndex,
    watchers: () => [],
    history: {} as HistoryStore,
  });
  // Steady state, as a running backend serves it: one untimed round of every team (compiled code), then a
  // collection, so the re-map's garbage is not collected inside one pass's timed requests only.
  const teamRequests = async (
    requests: number,
    beforeEach: (entities: string[], request: number) => void,
  ) => {
    for (let t = 0; t < TEAMS; t++) {
      const team = `group:default/team-${t}`;
      await store.teamView(team, entityIndex.entitiesOfTeam(team));
    }
    gc();
    const samples: number[] = [];
    for (let r = 0; r < requests; r++) {
      const team = `group:default/team-${r % TEAMS}`;
      const entities = entityIndex.entitiesOfTeam(team);
      beforeEach(entities, r);
      const t = performance.now();
      await store.teamView(team, entities);
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b);
  };
  // Served: nothing changed since the team's previous request (its rows are kept).
  const served = await teamRequests(SERVED_REQUESTS, () => {});
  // Recomputed: before each request one object of every entity of the team changes health, so every row of the
  // team is computed again from its objects (a fleet-wide rollout between two refreshes of the page).
  const recomputed = await teamRequests(TEAM_REQUESTS, (entities, request) => {
    // Each team's requests come TEAMS apart: each of its visits flips the health back or forth.
    const progressing = Math.floor(request / TEAMS) % 2 === 0;
    for (const ref of entities) {
      // (The entity added for the re-map has no objects.)
      const [first] = cache.byEntity(ref);
      if (first)
        cache.setHealth(
          first.key,
          { status: progressing ? 'Progressing' : 'Healthy' },
          'argocd-application',
        );
    }
  });
  return {
    mode,
    mappedToOneEntity: mapped,
    fillMs: Math.round(fillMs),
    remapMs: Math.round(remapMs),
    heapBytesPerObject: +bytesPerObject.toFixed(1),
    teamStatusP50Ms: +percentile(served, 50).toFixed(3),
    teamStatusP95Ms: +percentile(served, 95).toFixed(3),
    teamStatusRecomputedP50Ms: +percentile(recomputed, 50).toFixed(2),
    teamStatusRecomputedP95Ms: +percentile(recomputed, 95).toFixed(2),
  };
}

/** Each pass in its own process, so one pass's garbage never counts in the next one's heap. */
function pass(mode: Mode): Promise<Awaited<ReturnType<typeof run>>> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], {
      env: { ...process.env, BENCH_MODE: mode },
      execArgv: process.execArgv,
    });
    // The TypeScript loader sends its own messages on the same channel.
    child.on('message', message => {
      if (typeof message === 'object' && message && 'mode' in message) {
        resolve(message as Awaited<ReturnType<typeof run>>);
      }
    });
    child.on(
      'exit',
      code => code !== 0 && reject(new Error(`${mode} pass exited ${code}`)),
    );
  });
}

async function main() {
  const mode = process.env.BENCH_MODE as Mode | undefined;
  if (mode) {
    process.send!(await run(mode));
    return;
  }
  const results = [];
  for (const next of MODES) {
    results.push(await pass(next));
  }
  console.log(
    JSON.stringify({
      bench: 'reconciler-mapping',
      entities: ENTITIES,
      objects: OBJECTS,
      teams: TEAMS,
      teamRequests: TEAM_REQUESTS,
      servedTeamRequests: SERVED_REQUESTS,
      gcExposed: typeof (global as { gc?: unknown }).gc === 'function',
      results,
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
