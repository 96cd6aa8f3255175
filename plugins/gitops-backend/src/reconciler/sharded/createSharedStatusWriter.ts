import { LoggerService } from '@backstage/backend-plugin-api';
import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { Knex } from 'knex';
import { chunks } from '../../lib/chunks';
import { CacheChange } from '../../services/ObjectCache';
import {
  CLUSTERS,
  kindIdOfKey,
  LEASES,
  OBJECTS,
  ObjectRow,
  objectRow,
  upsertObjects,
} from './tables';
import { ClusterReport, SharedStatusWriter } from './types';

const clusterOf = (key: string) => key.split('/', 1)[0];
/** After a failed write (database unreachable), try again this much later. */
const RETRY_MS = 1_000;

/** Deleted rows stay this long so every replica's poller sees the deletion. */
const TOMBSTONE_TTL = '10 minutes';

/** Rows per INSERT (17 columns: far below PostgreSQL's 65,535 parameters). */
const CHUNK = 500;

/** The state fields that matter to views (lastContact moves on every contact). */
const signatureOf = ({ state }: ClusterReport) =>
  JSON.stringify({ ...state, lastContact: undefined });

export function createSharedStatusWriter(options: {
  knex: Knex;
  replicaId: string;
  logger: LoggerService;
  /** The full record now (cache changes carry records without Argo CD's per-resource lists). */
  lookup(key: string): ObjectStatus | undefined;
  /** Hears what a committed write changed (signals go out once views can read it from the table). */
  written?(change: { entityRefs: string[]; clusters: string[] }): void;
  flushIntervalMs?: number;
}): SharedStatusWriter {
  const { knex, replicaId, logger, lookup } = options;
  const held = new Set<string>();
  /**
   * Keys changed since the last write, with the entity refs their changes named (before and after); the record
   * (or its absence) is read from the cache when writing.
   */
  let pending = new Map<string, Set<string>>();
  /** kindId -> keys the relist found (plus objects added after it). */
  let replacedKinds = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  function schedule(delayMs = options.flushIntervalMs ?? 100) {
    timer ??= setTimeout(() => {
      timer = undefined;
      flush().catch(() => {});
    }, delayMs);
  }

  function addPending(key: string, entityRefs: Iterable<string>) {
    const refs = pending.get(key) ?? new Set<string>();
    for (const ref of entityRefs) refs.add(ref);
    pending.set(key, refs);
  }

  function note(key: string, exists: boolean, entityRefs: Iterable<string>) {
    addPending(key, entityRefs);
    // An object added or deleted after a relist in the same batch must not be undone by the relist's sweep.
    const fresh = replacedKinds.get(kindIdOfKey(key));
    if (fresh && exists) fresh.add(key);
    else if (fresh) fresh.delete(key);
  }

  /** Clusters whose lease this replica holds now, locking the lease rows until the transaction ends. */
  async function fencedClusters(trx: Knex.Transaction, clusters: string[]) {
    const { rows } = await trx.raw(
      `SELECT cluster FROM ${LEASES}
       WHERE owner = ? AND expires_at > now() AND cluster = ANY(?::text[]) FOR SHARE`,
      [replicaId, clusters],
    );
    return new Set<string>(rows.map((row: { cluster: string }) => row.cluster));
  }

  async function write() {
    const batch = pending;
    const sweeps = replacedKinds;
    pending = new Map();
    replacedKinds = new Map();
    const clusters = new Set<string>();
    for (const key of batch.keys()) clusters.add(clusterOf(key));
    for (const kindId of sweeps.keys()) clusters.add(kindId.split('|', 1)[0]);
    if (clusters.size === 0) return;
    /** Not lost: the keys are written on the next attempt, with whatever the cache holds then. */
    const retry = (later: (cluster: string) => boolean) => {
      for (const [key, refs] of batch) {
        if (later(clusterOf(key))) addPending(key, refs);
      }
      for (const [kindId, keys] of sweeps) {
        if (later(kindId.split('|', 1)[0]) && !replacedKinds.has(kindId)) {
          replacedKinds.set(kindId, keys);
        }
      }
      schedule(RETRY_MS);
    };
    try {
      const { fenced, swept } = await writeBatch(batch, sweeps, [...clusters]);
      signalWritten(batch, swept, fenced);
      // Held here but the lease is not valid now (a renewal is late): write once it is renewed. If another
      // replica took the cluster, the coordinator drops it and these keys with it.
      const deferred = [...clusters].filter(c => held.has(c) && !fenced.has(c));
      if (deferred.length > 0) retry(c => deferred.includes(c));
    } catch (error) {
      retry(c => held.has(c));
      throw error;
    }
  }

  /** What the committed batch changed: its keys' entity refs and the swept rows', in the clusters written. */
  function signalWritten(
    batch: Map<string, Set<string>>,
    swept: Array<{ cluster: string; entity_refs: string[] }>,
    fenced: Set<string>,
  ) {
    const entityRefs = new Set<string>();
    const clusters = new Set<string>();
    for (const [key, refs] of batch) {
      if (!fenced.has(clusterOf(key))) continue;
      clusters.add(clusterOf(key));
      for (const ref of refs) entityRefs.add(ref);
    }
    for (const row of swept) {
      clusters.add(row.cluster);
      for (const ref of row.entity_refs) entityRefs.add(ref);
    }
    if (clusters.size > 0) {
      options.written?.({
        entityRefs: [...entityRefs],
        clusters: [...clusters],
      });
    }
  }

  /** Writes the batch's rows of the clusters whose lease is valid now; returns those clusters and swept rows. */
  async function writeBatch(
    batch: Map<string, Set<string>>,
    sweeps: Map<string, Set<string>>,
    clusters: string[],
  ) {
    return knex.transaction(async trx => {
      const allowed = await fencedClusters(trx, clusters);
      const mine = (cluster: string) =>
        allowed.has(cluster) && held.has(cluster);
      const swept: Array<{ cluster: string; entity_refs: string[] }> = [];
      for (const [kindId, keys] of sweeps) {
        if (!mine(kindId.split('|', 1)[0])) continue;
        const { rows } = await trx.raw(
          `UPDATE ${OBJECTS} SET deleted = true, owner = ?, updated_at = clock_timestamp()
           WHERE kind_id = ? AND NOT deleted AND NOT (key = ANY(?::text[]))
           RETURNING cluster, entity_refs`,
          [replicaId, kindId, [...keys]],
        );
        swept.push(...rows);
      }
      const upserts: ObjectRow[] = [];
      const deletes: string[] = [];
      for (const key of batch.keys()) {
        if (!mine(clusterOf(key))) continue;
        const record = lookup(key);
        if (record) upserts.push(objectRow(record, replicaId));
        else deletes.push(key);
      }
      for (const rows of chunks(upserts, CHUNK)) await upsertObjects(trx, rows);
      for (const keys of chunks(deletes, CHUNK)) {
        await trx(OBJECTS)
          .update({
            deleted: true,
            owner: replicaId,
            updated_at: trx.raw('clock_timestamp()'),
          })
          .whereIn('key', keys);
      }
      return { fenced: allowed, swept };
    });
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(write).catch(error => {
      logger.warn(`gitops: could not write shared status: ${error}`);
    });
    return writing;
  }

  return {
    changes(changes: CacheChange[]) {
      let any = false;
      for (const change of changes) {
        if (!held.has(change.cluster)) continue;
        note(change.key, change.current !== undefined, [
          ...(change.previous?.entityRefs ?? []),
          ...(change.current?.entityRefs ?? []),
        ]);
        any = true;
      }
      if (any) schedule();
    },
    replaced(kindId, keys) {
      if (!held.has(kindId.split('|', 1)[0])) return;
      replacedKinds.set(kindId, new Set(keys));
      schedule();
    },
    hold: cluster => held.add(cluster),
    drop(cluster) {
      held.delete(cluster);
      for (const key of [...pending.keys()]) {
        if (clusterOf(key) === cluster) pending.delete(key);
      }
      for (const kindId of [...replacedKinds.keys()]) {
        if (kindId.split('|', 1)[0] === cluster) replacedKinds.delete(kindId);
      }
    },
    async reportClusters(reports) {
      const mine = reports.filter(report => held.has(report.state.name));
      if (mine.length === 0) return;
      await knex.raw(
        `INSERT INTO ${CLUSTERS} AS c
           (cluster, owner, state, xrds, signature, stale_since, heartbeat_at, changed_at)
         SELECT r.cluster, l.owner, r.state, r.xrds, r.signature, r.stale_since, now(), now()
         FROM json_to_recordset(?::json)
           AS r(cluster text, state text, xrds text, signature text, stale_since timestamptz)
         JOIN ${LEASES} l ON l.cluster = r.cluster AND l.owner = ? AND l.expires_at > now()
         ON CONFLICT (cluster) DO UPDATE SET
           owner = excluded.owner, state = excluded.state, xrds = excluded.xrds,
           signature = excluded.signature, stale_since = excluded.stale_since,
           heartbeat_at = excluded.heartbeat_at,
           changed_at = CASE WHEN c.signature = excluded.signature AND c.owner = excluded.owner
                        THEN c.changed_at ELSE excluded.changed_at END`,
        [
          JSON.stringify(
            mine.map(report => ({
              cluster: report.state.name,
              state: JSON.stringify(report.state),
              xrds: JSON.stringify(report.xrds),
              signature: signatureOf(report),
              stale_since: report.state.staleSince ?? null,
            })),
          ),
          replicaId,
        ],
      );
    },
    async pruneTombstones() {
      await knex(OBJECTS)
        .where('deleted', true)
        .where(
          'updated_at',
          '<',
          knex.raw(`now() - interval '${TOMBSTONE_TTL}'`),
        )
        .delete();
    },
    flush,
    async stop() {
      await flush();
    },
  };
}
