import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { SignalPublisher } from '../../services/SignalPublisher';
import { CLUSTERS, OBJECTS } from './tables';

/**
 * Rows commit out of timestamp order (a transaction that started earlier may commit later), so every poll re-reads
 * this window behind the watermark and skips what it already published.
 */
const OVERLAP_MS = 5_000;

export interface ChangePoller {
  /** One poll now (tests; the timer calls it every interval). */
  poll(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Browsers connected to this replica hear about changes other replicas wrote: the shared tables are polled on their
 * `updated_at` / `changed_at` watermark and each change becomes a `gitops:status` signal (own writes are signalled
 * locally, straight from the cache).
 */
export function createChangePoller(options: {
  knex: Knex;
  replicaId: string;
  publisher: Pick<SignalPublisher, 'changed'>;
  logger: LoggerService;
  intervalMs?: number;
  /** Runs before changes are signalled (TeamView rows catch up, so browsers refetch the new state). */
  beforePublish?: () => Promise<void>;
}): ChangePoller {
  const { knex, replicaId, publisher, logger } = options;
  let watermark: number | undefined;
  /** key (or cluster) -> change time already published, inside the overlap window. */
  const seen = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const fresh = (id: string, at: number) => {
    if ((seen.get(id) ?? -1) >= at) return false;
    seen.set(id, at);
    return true;
  };

  async function pollOnce() {
    if (watermark === undefined) {
      const { rows } = await knex.raw(
        'SELECT (extract(epoch from now()) * 1000)::float8 AS now',
      );
      watermark = rows[0].now as number;
    }
    const from = new Date(watermark - OVERLAP_MS);
    const objects: Array<{
      key: string;
      cluster: string;
      entity_refs: string[];
      at: number;
    }> = await knex(OBJECTS)
      .select(
        'key',
        'cluster',
        'entity_refs',
        knex.raw('(extract(epoch from updated_at) * 1000)::float8 AS at'),
      )
      .where('updated_at', '>', from)
      .whereNot('owner', replicaId);
    const clusters: Array<{ cluster: string; at: number }> = await knex(
      CLUSTERS,
    )
      .select(
        'cluster',
        knex.raw('(extract(epoch from changed_at) * 1000)::float8 AS at'),
      )
      .where('changed_at', '>', from)
      .whereNot('owner', replicaId);

    const entityRefs = new Set<string>();
    const changedClusters = new Set<string>();
    for (const row of objects) {
      watermark = Math.max(watermark, row.at);
      if (!fresh(`o:${row.key}`, row.at)) continue;
      changedClusters.add(row.cluster);
      for (const ref of row.entity_refs) entityRefs.add(ref);
    }
    const stateChanged = clusters.filter(row => {
      watermark = Math.max(watermark!, row.at);
      return fresh(`c:${row.cluster}`, row.at);
    });
    if (stateChanged.length > 0) {
      // Stale banners: every entity with objects in the cluster refetches.
      const refs: Array<{ ref: string }> = await knex(OBJECTS)
        .distinct(knex.raw('unnest(entity_refs) AS ref'))
        .whereIn(
          'cluster',
          stateChanged.map(row => row.cluster),
        )
        .where('deleted', false);
      for (const { ref } of refs) entityRefs.add(ref);
      for (const row of stateChanged) changedClusters.add(row.cluster);
    }
    for (const [id, at] of seen) {
      if (at < watermark - OVERLAP_MS) seen.delete(id);
    }
    if (entityRefs.size > 0 || changedClusters.size > 0) {
      await options.beforePublish?.();
      publisher.changed({
        entityRefs: [...entityRefs],
        clusters: [...changedClusters],
      });
    }
  }

  function poll() {
    running = running.then(pollOnce).catch(error => {
      logger.warn(`gitops: polling shared status failed: ${error}`);
    });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      poll().finally(schedule);
    }, options.intervalMs ?? 1_000);
  }
  schedule();

  return {
    poll,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
