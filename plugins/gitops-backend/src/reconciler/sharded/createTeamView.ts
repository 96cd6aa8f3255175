import {
  EnvironmentCell,
  ObjectStatus,
  TeamStatusResponse,
  TeamStatusRow,
} from '@gitops-portal/plugin-gitops-common';
import { Knex } from 'knex';
import {
  compareObjects,
  EntityTally,
  entityRow,
  TeamViewObject,
  tallyOf,
  teamResponse,
} from '../../services/StatusStore';
import { chunks } from '../../lib/chunks';
import { EntityVersions } from './createEntityVersions';
import { readTeamObjects, refKey } from './tables';

/**
 * This replica's own clusters, fresher in its cache than in the table (writes trail by a flush); the owner of
 * `versions` moves entities on when their objects change in the cache.
 */
export interface LocalObjects {
  held(): string[];
  byEntity(entityRef: string): ObjectStatus[];
}

interface Entry {
  version: number;
  /** The held clusters and stale marks the row was computed with. */
  epoch: string;
  row: TeamStatusRow;
  tally: EntityTally;
}

/** Entities per query (each brings its objects in every cluster). */
const BATCH = 100;
/** Outdated rows recomputed between two refreshes, so a cold start's churn cannot keep the database busy. */
const PREFILL_PER_REFRESH = 300;
/** Distinct cells kept for sharing between rows; past this many the table starts afresh (cells never change). */
const MAX_CELLS = 10_000;

/**
 * The TeamView from one row per entity kept in memory: an entity's row is computed from PostgreSQL (other replicas'
 * clusters) and the cache (held ones) when it is first asked for or its objects changed, and reused otherwise. The
 * rows of every team's entities are kept current between requests, so a request computes almost nothing. Memory
 * is per entity (its row and counts), not per object of the fleet.
 */
export function createTeamView(options: {
  knex: Knex;
  versions: EntityVersions;
  local?: LocalObjects;
  /** Entities to keep rows for before anyone asks (every team's). */
  entities(): string[];
  staleClusters(): Promise<Map<string, number>>;
  markStale<T extends TeamViewObject>(object: T, stale: Map<string, number>): T;
}) {
  const { knex, versions, local } = options;
  const entries = new Map<string, Entry>();
  let cells = new Map<string, EnvironmentCell>();

  /** An equal cell already held by a kept row, so the rows of a fleet share a handful of cells. */
  function sharedCell(cell: EnvironmentCell) {
    const id = `${cell.sync}|${cell.health}|${cell.revision ?? ''}|${
      cell.stale ?? ''
    }`;
    const kept = cells.get(id);
    if (kept) return kept;
    if (cells.size >= MAX_CELLS) cells = new Map();
    cells.set(id, cell);
    return cell;
  }

  /**
   * What rows depend on besides their objects: which clusters come from the cache, and which are stale (a row's
   * cells say whether they are stale, not since when: a cluster never reported is stale "since now", every call).
   */
  function epochOf(held: string[], stale: Map<string, number>) {
    return `${[...held].sort().join(',')}|${[...stale.keys()]
      .sort()
      .join(',')}`;
  }

  const current = (ref: string, epoch: string) => {
    const entry = entries.get(ref);
    return entry?.epoch === epoch &&
      entry.version === versions.versionOf(refKey(ref))
      ? entry
      : undefined;
  };

  /** Reads the objects of `refs` (no more than BATCH) and keeps a row for each. */
  async function compute(
    refs: string[],
    stale: Map<string, number>,
  ): Promise<Map<string, Entry>> {
    const held = local?.held() ?? [];
    const epoch = epochOf(held, stale);
    // Taken before reading: a change that lands meanwhile leaves the row outdated, not wrong.
    const taken = refs.map(ref => versions.versionOf(refKey(ref)));
    const keys = refs.map(refKey);
    const byEntity = await readTeamObjects(knex, keys, held);
    const heldSet = new Set(held);
    const computed = new Map<string, Entry>();
    refs.forEach((ref, i) => {
      const objects = byEntity.get(keys[i])!;
      for (const object of local?.byEntity(ref) ?? []) {
        // Previews are no environment (the shared rows leave them out too: `readTeamObjects`).
        if (!heldSet.has(object.cluster) || object.preview) continue;
        const { key, cluster, environment, sync, health, revision } = object;
        const shared = object.entityRefs.length > 1;
        objects.push({
          key,
          cluster,
          environment,
          sync,
          health,
          revision,
          shared,
        });
      }
      const marked = objects
        .map(object => options.markStale(object, stale))
        .sort(compareObjects);
      const entry: Entry = {
        version: taken[i],
        epoch,
        row: entityRow(ref, marked, sharedCell),
        tally: tallyOf(marked, object => object.shared),
      };
      entries.set(ref, entry);
      computed.set(ref, entry);
    });
    return computed;
  }

  /** The current rows of `refs`, recomputing the outdated ones (at most `limit` of them). */
  async function catchUp(
    refs: string[],
    stale: Map<string, number>,
    limit = Infinity,
  ): Promise<Map<string, Entry>> {
    const epoch = epochOf(local?.held() ?? [], stale);
    const rows = new Map<string, Entry>();
    const outdated: string[] = [];
    for (const ref of new Set(refs)) {
      const entry = current(ref, epoch);
      if (entry) rows.set(ref, entry);
      else if (outdated.length < limit) outdated.push(ref);
    }
    for (const batch of chunks(outdated, BATCH)) {
      for (const [ref, entry] of await compute(batch, stale)) {
        rows.set(ref, entry);
      }
    }
    return rows;
  }

  /** Each owned entity's version at the previous refresh: only rows that stopped changing are prefilled. */
  let previous = new Map<string, number>();
  versions.afterRefresh(async () => {
    const entities = options.entities();
    const now = new Map(
      entities.map(ref => [ref, versions.versionOf(refKey(ref))]),
    );
    // Rows of entities no team owns any more are dropped.
    for (const ref of entries.keys()) if (!now.has(ref)) entries.delete(ref);
    // An entity still changing (a cold start, a rollout) is computed when asked for, not on every refresh.
    const settled = entities.filter(ref => previous.get(ref) === now.get(ref));
    previous = now;
    await catchUp(settled, await options.staleClusters(), PREFILL_PER_REFRESH);
  });

  return {
    async teamView(
      team: string,
      entityRefs: string[],
      stale: Map<string, number>,
    ): Promise<TeamStatusResponse> {
      const rows = await catchUp(entityRefs, stale);
      return teamResponse(
        team,
        entityRefs.map(ref => rows.get(ref)!),
      );
    },
  };
}
