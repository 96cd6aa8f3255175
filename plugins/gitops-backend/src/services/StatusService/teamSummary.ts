import {
  countByHealth,
  countBySync,
  EnvironmentCell,
  healthSeverity,
  ObjectStatus,
  SyncStatus,
  TeamStatusResponse,
  TeamStatusRow,
  worstHealth,
} from '@internal/plugin-gitops-common';

const SYNC_ORDER: SyncStatus[] = ['OutOfSync', 'Unknown', 'Synced'];

/** What the team grid reads of an object (the shared store serves just these columns). */
export type SummaryObject = Pick<
  ObjectStatus,
  'key' | 'cluster' | 'environment' | 'sync' | 'health' | 'revision' | 'stale'
>;

/** One entity in one environment: the worst of its objects there. */
function cell(objects: SummaryObject[]): EnvironmentCell {
  const health = worstHealth(objects.map(o => o.health.status)) ?? 'Unknown';
  const sync =
    SYNC_ORDER.find(status => objects.some(o => o.sync === status)) ??
    'Unknown';
  const revision = objects.find(o => o.revision)?.revision;
  const stale = objects.some(o => o.stale);
  return {
    sync,
    health,
    ...(revision ? { revision } : {}),
    ...(stale ? { stale } : {}),
  };
}

/** The environment an object counts under in the team grid. */
const environmentOf = (object: SummaryObject) =>
  object.environment ?? object.cluster;

/** Counts of every health and sync value, and one row per entity, worst first. */
/** One entity's row of the team grid from its objects (sorted worst first, as `compareObjects`). */
export function entityRow(
  entityRef: string,
  objects: SummaryObject[],
): TeamStatusRow {
  const byEnvironment = new Map<string, SummaryObject[]>();
  for (const object of objects) {
    const env = environmentOf(object);
    const list = byEnvironment.get(env);
    if (list) list.push(object);
    else byEnvironment.set(env, [object]);
  }
  return {
    entityRef,
    environments: Object.fromEntries(
      [...byEnvironment].map(([env, list]) => [env, cell(list)]),
    ),
    worstHealth: worstHealth(objects.map(o => o.health.status)) ?? 'Unknown',
  };
}

/** The team response from each entity's row and objects (an object of two of the team's entities counts once). */
export function teamResponse(
  team: string,
  entries: Array<{ row: TeamStatusRow; objects: SummaryObject[] }>,
): TeamStatusResponse {
  const seen = new Set<string>();
  const health: SummaryObject['health']['status'][] = [];
  const sync: SummaryObject['sync'][] = [];
  for (const { objects } of entries) {
    for (const object of objects) {
      if (seen.has(object.key)) continue;
      seen.add(object.key);
      health.push(object.health.status);
      sync.push(object.sync);
    }
  }
  const rows = entries.map(entry => entry.row);
  rows.sort(
    (a, b) =>
      healthSeverity(b.worstHealth) - healthSeverity(a.worstHealth) ||
      a.entityRef.localeCompare(b.entityRef),
  );
  return {
    team,
    counts: {
      byHealth: countByHealth(health),
      bySync: countBySync(sync),
      total: seen.size,
    },
    rows,
  };
}

export function teamSummary(
  team: string,
  entityRefs: string[],
  objectsOf: (entityRef: string) => SummaryObject[],
): TeamStatusResponse {
  return teamResponse(
    team,
    entityRefs.map(entityRef => {
      const objects = objectsOf(entityRef);
      return { row: entityRow(entityRef, objects), objects };
    }),
  );
}
