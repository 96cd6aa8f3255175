import { ShardCoordinator, ShardCoordinatorOptions } from './types';

/**
 * Keeps this replica's fair share of cluster leases: renews what it holds, hands extras back when replicas join
 * (share = ceil(clusters / replicas alive)) and takes free or expired leases, which is how a dead replica's
 * clusters move to the others. A cluster is watched only while its lease is known to be valid.
 */
export function createShardCoordinator(
  options: ShardCoordinatorOptions,
): ShardCoordinator {
  const { store, replicaId, clusters, leaseDurationMs, logger } = options;
  /** Held cluster -> local time after which the lease may have expired. */
  const held = new Map<string, number>();
  const tickIntervalMs = Math.max(50, Math.floor(leaseDurationMs / 3));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  /** The first round only announces this replica: replicas starting together then share from the start. */
  let rounds = 0;
  let started = false;
  let stopped = false;
  let registered = false;

  async function letGo(cluster: string, why: string) {
    held.delete(cluster);
    logger.info(`gitops: stopped watching cluster ${cluster} (${why})`);
    try {
      await options.onRelease(cluster);
    } catch (error) {
      logger.warn(`gitops: stopping cluster ${cluster} failed: ${error}`);
    }
  }

  async function take(cluster: string, deadline: number) {
    held.set(cluster, deadline);
    logger.info(`gitops: watching cluster ${cluster} (lease acquired)`);
    try {
      await options.onAcquire(cluster);
    } catch (error) {
      logger.warn(`gitops: starting cluster ${cluster} failed: ${error}`);
      held.delete(cluster);
      await store.release(replicaId, [cluster]);
    }
  }

  async function round() {
    const startedAt = Date.now();
    const deadline = startedAt + leaseDurationMs;
    if (!registered) {
      await store.register(clusters);
      registered = true;
    }
    // Heartbeats outlive a lease, so a replica's short stall does not shrink everyone's share and make them grab.
    const alive = await store.heartbeat(replicaId, 1.5 * leaseDurationMs);
    if (rounds++ === 0) return;
    const share = Math.ceil(clusters.length / alive);
    const kept = new Set(
      await store.renew(replicaId, [...held.keys()], leaseDurationMs),
    );
    for (const cluster of [...held.keys()]) {
      if (kept.has(cluster)) held.set(cluster, deadline);
      else await letGo(cluster, 'lease lost');
    }
    if (held.size > share) {
      // Stop watching before the lease is free, so two replicas never write one cluster.
      const extras = [...held.keys()].slice(share);
      for (const cluster of extras) await letGo(cluster, 'fair share');
      await store.release(replicaId, extras);
    } else if (held.size < share && !stopped) {
      const free = clusters.filter(cluster => !held.has(cluster));
      const taken = await store.acquire(
        replicaId,
        free,
        share - held.size,
        leaseDurationMs,
      );
      for (const cluster of taken) await take(cluster, deadline);
    }
  }

  async function tick() {
    try {
      await round();
    } catch (error) {
      logger.warn(`gitops: lease round failed: ${error}`);
    }
    // Without a successful renewal the lease runs out: stop watching before another replica may take over.
    for (const [cluster, deadline] of [...held]) {
      if (Date.now() >= deadline) await letGo(cluster, 'lease not renewed');
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, tickIntervalMs);
  }

  return {
    replicaId,
    start() {
      if (started || stopped) return;
      started = true;
      running = tick().finally(schedule);
    },
    async stop({ releaseLeases = true } = {}) {
      stopped = true;
      clearTimeout(timer);
      await running;
      const clustersHeld = [...held.keys()];
      for (const cluster of clustersHeld) await letGo(cluster, 'shutdown');
      if (!releaseLeases) return;
      try {
        await store.leave(replicaId);
      } catch (error) {
        logger.warn(`gitops: releasing leases failed: ${error}`);
      }
    },
    tick: () => (running = running.then(tick)),
    held: () => [...held.keys()],
  };
}
