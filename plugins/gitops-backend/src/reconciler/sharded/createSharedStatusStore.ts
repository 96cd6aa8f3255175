import {
  ObjectStatus,
  OverviewQuery,
  Xrd,
} from '@gitops-portal/plugin-gitops-common';
import { Knex } from 'knex';
import { EntityIndex } from '../../services/EntityIndex';
import { HistoryStore } from '../../services/HistoryStore';
import {
  compareObjects,
  matchesOverview,
  StatusStore,
  TeamViewObject,
  teamViewOf,
  withStaleMark,
} from '../../services/StatusStore';
import {
  readClusterRows,
  sharedClustersOf,
  staleClustersOf,
} from './sharedClusters';
import { OBJECTS, readTeamObjects, refKey } from './tables';
import { EntityVersions } from './createEntityVersions';
import { createTeamView, LocalObjects } from './createTeamView';

/** Cluster states are re-read at most this often (every API call needs them for stale marks). */
const CLUSTERS_TTL_MS = 1_000;

/**
 * The last answer of `read`, re-read in the background once older than `ttlMs` (requests never wait for a re-read
 * after the first); a failed first read is not kept.
 */
function memo<T>(ttlMs: number, now: () => number, read: () => Promise<T>) {
  let kept: { at: number; value: Promise<T> } | undefined;
  let rereading = false;
  return () => {
    const at = now();
    if (!kept) {
      const value = read();
      kept = { at, value };
      value.catch(() => (kept = undefined));
    } else if (at - kept.at > ttlMs && !rereading) {
      rereading = true;
      read()
        .then(value => (kept = { at, value: Promise.resolve(value) }))
        .catch(() => {})
        .finally(() => (rereading = false));
    }
    return kept.value;
  };
}

function markStale<T extends TeamViewObject>(
  object: T,
  staleSince: Map<string, number>,
  now: number,
): T {
  return withStaleMark(object, staleSince.get(object.cluster), now);
}

/**
 * The StatusStore of every replica when sharding is enabled: objects and cluster states from PostgreSQL (written by
 * the owning replicas), entities and teams from this replica's own catalog index.
 */
export function createSharedStatusStore(options: {
  knex: Knex;
  entityIndex: EntityIndex;
  history: HistoryStore;
  clusters: Array<{ name: string; environment?: string }>;
  staleAfterMs: number;
  /** TeamViews from rows per entity kept in memory once `versions` is ready (else from PostgreSQL each time). */
  teamView?: { versions: EntityVersions; local?: LocalObjects };
  now?: () => number;
}): StatusStore {
  const { knex, entityIndex, history } = options;
  const now = options.now ?? Date.now;
  const clusterRows = memo(CLUSTERS_TTL_MS, now, () => readClusterRows(knex));
  /** Cluster rows at most a second old, judged stale or not at the present moment. */
  const clusterView = async () => ({
    rows: await clusterRows(),
    configured: options.clusters,
    staleAfterMs: options.staleAfterMs,
    now: now(),
  });
  const sharedClusters = async () => sharedClustersOf(await clusterView());
  const staleClusters = async () => staleClustersOf(await clusterView());

  const live = () => knex(OBJECTS).where('deleted', false);

  async function fullObjects(query: Knex.QueryBuilder) {
    const [rows, stale] = await Promise.all([
      query.select('status') as Promise<Array<{ status: string }>>,
      staleClusters(),
    ]);
    const at = now();
    return rows
      .map(row => markStale(JSON.parse(row.status) as ObjectStatus, stale, at))
      .sort(compareObjects);
  }

  const teamView =
    options.teamView &&
    createTeamView({
      knex,
      ...options.teamView,
      entities: () => entityIndex.ownedEntities(),
      staleClusters,
      markStale: (object, stale) => markStale(object, stale, now()),
    });

  const ofEntity = (entityRef: string) =>
    live().whereRaw('entity_keys @> ARRAY[?]::text[]', [refKey(entityRef)]);
  const ofEntities = (entityRefs: string[]) =>
    live().whereRaw('entity_keys && ?::text[]', [entityRefs.map(refKey)]);

  return {
    async entityObjects(entityRef) {
      const objects = await fullObjects(ofEntity(entityRef));
      const names = new Set(objects.map(object => object.cluster));
      const { states } = await sharedClusters();
      return {
        objects,
        clusters: states.filter(state => names.has(state.name)),
      };
    },
    teamEntities: team => entityIndex.entitiesOfTeam(team),
    hasTeam: team => entityIndex.hasTeam(team),
    knowsEntity: entityRef => entityIndex.has(entityRef),
    async teamView(team, entityRefs) {
      if (teamView && options.teamView?.versions.ready()) {
        return teamView.teamView(team, entityRefs, await staleClusters());
      }
      const [byEntity, stale] = await Promise.all([
        readTeamObjects(knex, entityRefs.map(refKey)),
        staleClusters(),
      ]);
      const at = now();
      return teamViewOf(team, entityRefs, ref =>
        byEntity
          .get(refKey(ref))!
          .map(object => markStale(object, stale, at))
          .sort(compareObjects),
      );
    },
    async overviewObjects(query: OverviewQuery) {
      let rows = live();
      if (query.entityRef) {
        if (
          query.team &&
          !entityIndex
            .entitiesOfTeam(query.team)
            .some(ref => refKey(ref) === refKey(query.entityRef!))
        ) {
          return [];
        }
        rows = ofEntity(query.entityRef);
      } else if (query.team) {
        rows = ofEntities(entityIndex.entitiesOfTeam(query.team));
      }
      if (query.cluster) rows = rows.where('cluster', query.cluster);
      if (query.environment)
        rows = rows.where('environment', query.environment);
      if (query.engine) rows = rows.where('engine', query.engine);
      if (query.health?.length) rows = rows.whereIn('health', query.health);
      if (query.sync?.length) rows = rows.whereIn('sync', query.sync);
      const objects = await fullObjects(rows);
      return objects.filter(object => matchesOverview(object, query));
    },
    async history(entityRef, { since, limit }) {
      const keys: Array<{ key: string }> = await ofEntity(entityRef).select(
        'key',
      );
      return history.query({
        entityRef,
        objectKeys: keys.map(row => row.key),
        since: since ? new Date(since) : undefined,
        limit,
      });
    },
    clusters: async () => (await sharedClusters()).states,
    xrds: async () =>
      (await sharedClusters()).xrds.sort(
        (a: Xrd, b: Xrd) =>
          a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster),
      ),
  };
}
