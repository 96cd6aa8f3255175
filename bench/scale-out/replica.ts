/**
 * One backend replica of the scale-out bench, in its own process (so its memory is its own): the gitops-backend
 * reconciler pieces wired as plugin.ts wires them with `gitops.sharding.enabled`, on PostgreSQL, plus a tiny HTTP
 * server answering team status, entity status and its own state. Started by run.ts; prints `ready <port>`.
 */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import {
  GitopsConfig,
  readGitopsConfig,
} from '../../plugins/gitops-backend/src/config';
import {
  createClusterWatcher,
  createListPageLimit,
} from '../../plugins/gitops-backend/src/services/ClusterWatcher';
import { createEntityIndex } from '../../plugins/gitops-backend/src/services/EntityIndex';
import {
  createHistoryRecorder,
  createHistoryStore,
} from '../../plugins/gitops-backend/src/services/HistoryStore';
import { createShardedReconciler } from '../../plugins/gitops-backend/src/reconciler';
import { createObjectCache } from '../../plugins/gitops-backend/src/services/ObjectCache';
import { entities, ReplicaSettings } from './fixtures';

const quiet: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => quiet,
};

function consoleLogger(prefix: string): LoggerService {
  const write = (level: string) => (message: string) =>
    process.stderr.write(`${prefix} ${level} ${message}\n`);
  const logger: LoggerService = {
    error: write('error'),
    warn: write('warn'),
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

/** Watches the warm-up cluster (not one of the fleet's) until all its objects are listed, then stops. */
async function warmUp(config: GitopsConfig, objects: number) {
  const cache = createObjectCache();
  const watcher = createClusterWatcher({
    cluster: config.clusters[0],
    cache,
    logger: quiet,
    idleTimeoutMs: config.idleTimeoutMs,
    discoveryIntervalMs: config.discoveryIntervalMs,
    staleAfterMs: config.staleAfterMs,
  });
  watcher.start();
  const deadline = Date.now() + 60_000;
  while (cache.all().length < objects) {
    if (Date.now() > deadline) throw new Error('warm-up timed out');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  await watcher.stop();
}

async function main() {
  const settings: ReplicaSettings = JSON.parse(process.env.SCALE_OUT_REPLICA!);
  const logger = consoleLogger(settings.name);
  const knex = knexFactory({
    client: 'pg',
    connection: settings.connection,
    pool: { min: 0, max: 10 },
  });
  const configOf = (clusters: ReplicaSettings['clusters']) =>
    readGitopsConfig(
      new ConfigReader({
        gitops: {
          clusters: clusters.map(cluster => ({
            name: cluster.name,
            environment: cluster.name,
            url: cluster.url,
            skipTLSVerify: true,
            serviceAccountToken: cluster.token,
          })),
          staleAfter: '1h',
        },
      }),
    );
  const config = configOf(settings.clusters);
  const cache = createObjectCache();
  const history = await createHistoryStore({
    getClient: async () => knex,
    migrations: { skip: true }, // run.ts migrated the database
  });
  const entityIndex = createEntityIndex({
    catalog: catalogServiceMock({
      entities: entities(settings.services, settings.teams),
    }),
    auth: mockServices.auth(),
    logger,
    cache,
  });
  await entityIndex.refresh();
  // As plugin.ts: one list page gate for every cluster of the process.
  const listPageLimit = createListPageLimit();
  const sharded = createShardedReconciler({
    knex,
    clusters: config.clusters,
    cache,
    createWatcher: (cluster, target) =>
      createClusterWatcher({
        cluster,
        cache: target,
        logger,
        idleTimeoutMs: config.idleTimeoutMs,
        discoveryIntervalMs: config.discoveryIntervalMs,
        staleAfterMs: config.staleAfterMs,
        listPageLimit,
      }),
    entityIndex,
    history,
    publisher: { changed: () => {} }, // signals are not measured here
    logger,
    leaseDurationMs: settings.leaseDurationMs,
    staleAfterMs: config.staleAfterMs,
    replicaId: settings.name,
    teamView: process.env.BENCH_TEAM_VIEW !== 'false',
  });
  const recorder = createHistoryRecorder({
    cache: sharded.cache,
    store: history,
    logger,
  });
  await warmUp(configOf([settings.warmup.cluster]), settings.warmup.objects);
  // Before any cluster of the fleet is watched: the process's own cost (code, catalog index of 1,000 entities,
  // pools), with the watch, list and normalise paths already compiled by the warm-up.
  const gcNow = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; gcNow && i < 3; i++) gcNow();
  const baseline = process.memoryUsage();
  sharded.start();

  const { statusStore } = sharded;
  /** Time spent inside statusStore.teamView per /team request, since the last /state. */
  const teamHandlerMs: number[] = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://replica');
      let body: unknown;
      if (url.pathname === '/team') {
        const team = `group:default/${url.searchParams.get('name')}`;
        const started = performance.now();
        body = await statusStore.teamView(team, statusStore.teamEntities(team));
        teamHandlerMs.push(performance.now() - started);
      } else if (url.pathname === '/entity') {
        body = await statusStore.entityObjects(url.searchParams.get('ref')!);
      } else if (url.pathname === '/flush') {
        // Diagnostics: does a write of what is pending finish?
        body = await Promise.race([
          sharded.flush().then(() => 'flushed'),
          new Promise(resolve => setTimeout(() => resolve('hung'), 10_000)),
        ]);
      } else if (url.pathname === '/state') {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (url.searchParams.has('gc') && gc) for (let i = 0; i < 3; i++) gc();
        const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
        body = {
          teamHandlerMs: teamHandlerMs.splice(0),
          held: sharded.held(),
          objects: cache.all().length,
          rss,
          heapUsed,
          heapTotal,
          external,
          baselineRss: baseline.rss,
          baselineHeapUsed: baseline.heapUsed,
        };
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);
  });
  process.on('SIGTERM', async () => {
    server.close();
    await sharded.stop();
    await recorder.stop();
    await knex.destroy();
    process.exit(0);
  });
}

main().catch(error => {
  process.stderr.write(`replica failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
