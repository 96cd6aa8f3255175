import { Knex } from 'knex';
import { LeaseStore } from './types';

const LEASES = 'gitops_cluster_leases';
const REPLICAS = 'gitops_replicas';
/** Heartbeat rows of replicas gone this long are deleted. */
const FORGET_AFTER = "interval '1 hour'";

const ms = (ttlMs: number) => `${Math.max(1, Math.round(ttlMs))} milliseconds`;

/**
 * Leases as rows with an expiry on the database clock (so replica clocks may drift). A lease is taken or renewed
 * with one conditional UPDATE, so at most one replica holds a cluster at any time.
 */
export function createLeaseStore(knex: Knex): LeaseStore {
  return {
    async register(clusters) {
      if (clusters.length === 0) return;
      await knex(LEASES)
        .insert(
          clusters.map(cluster => ({
            cluster,
            owner: null,
            expires_at: knex.raw("'-infinity'::timestamptz"),
          })),
        )
        .onConflict('cluster')
        .ignore();
    },

    async heartbeat(replica, ttlMs) {
      await knex.raw(
        `INSERT INTO ${REPLICAS} (id, expires_at) VALUES (?, now() + ?::interval)
         ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at`,
        [replica, ms(ttlMs)],
      );
      await knex.raw(
        `DELETE FROM ${REPLICAS} WHERE expires_at < now() - ${FORGET_AFTER}`,
      );
      const { rows } = await knex.raw(
        `SELECT count(*)::int AS alive FROM ${REPLICAS} WHERE expires_at > now()`,
      );
      return Math.max(1, rows[0].alive);
    },

    async renew(replica, clusters, ttlMs) {
      if (clusters.length === 0) return [];
      // An expired lease nobody took is still ours: owners change only through acquire, so renewing it is safe
      // (a replica that stalled past its lease keeps its clusters instead of relisting them).
      const { rows } = await knex.raw(
        `UPDATE ${LEASES} SET expires_at = now() + ?::interval
         WHERE owner = ? AND cluster = ANY(?::text[])
         RETURNING cluster`,
        [ms(ttlMs), replica, clusters],
      );
      return rows.map((row: { cluster: string }) => row.cluster);
    },

    async acquire(replica, clusters, max, ttlMs) {
      if (max <= 0 || clusters.length === 0) return [];
      // SKIP LOCKED: replicas acquiring at the same moment take different clusters instead of queueing.
      const { rows } = await knex.raw(
        `UPDATE ${LEASES} SET owner = ?, expires_at = now() + ?::interval, acquired_at = now()
         WHERE cluster IN (
           SELECT cluster FROM ${LEASES}
           WHERE expires_at <= now() AND cluster = ANY(?::text[])
           ORDER BY random() LIMIT ? FOR UPDATE SKIP LOCKED
         ) AND expires_at <= now()
         RETURNING cluster`,
        [replica, ms(ttlMs), clusters, max],
      );
      return rows.map((row: { cluster: string }) => row.cluster);
    },

    async release(replica, clusters) {
      if (clusters.length === 0) return;
      await knex.raw(
        `UPDATE ${LEASES} SET owner = NULL, expires_at = '-infinity'
         WHERE owner = ? AND cluster = ANY(?::text[])`,
        [replica, clusters],
      );
    },

    async leave(replica) {
      await knex.raw(
        `UPDATE ${LEASES} SET owner = NULL, expires_at = '-infinity' WHERE owner = ?`,
        [replica],
      );
      await knex(REPLICAS).where({ id: replica }).delete();
    },

    async holders() {
      const rows: Array<{ cluster: string; owner: string }> = await knex(LEASES)
        .select('cluster', 'owner')
        .where('expires_at', '>', knex.fn.now())
        .whereNotNull('owner');
      return new Map(rows.map(row => [row.cluster, row.owner]));
    },
  };
}
