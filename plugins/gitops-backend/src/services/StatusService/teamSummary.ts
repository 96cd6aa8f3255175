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

/** One entity in one environment: the worst of its objects there. */
function cell(objects: ObjectStatus[]): EnvironmentCell {
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
const environmentOf = (object: ObjectStatus) =>
  object.environment ?? object.cluster;

/** Counts of every health and sync value, and one row per entity, worst first. */
export function teamSummary(
  team: string,
  entityRefs: string[],
  objectsOf: (entityRef: string) => ObjectStatus[],
): TeamStatusResponse {
  const seen = new Set<string>();
  const all: ObjectStatus[] = [];
  const rows: TeamStatusRow[] = entityRefs.map(entityRef => {
    const objects = objectsOf(entityRef);
    for (const object of objects) {
      if (!seen.has(object.key)) {
        seen.add(object.key);
        all.push(object);
      }
    }
    const byEnvironment = new Map<string, ObjectStatus[]>();
    for (const object of objects) {
      const env = environmentOf(object);
      byEnvironment.set(env, [...(byEnvironment.get(env) ?? []), object]);
    }
    return {
      entityRef,
      environments: Object.fromEntries(
        [...byEnvironment].map(([env, list]) => [env, cell(list)]),
      ),
      worstHealth: worstHealth(objects.map(o => o.health.status)) ?? 'Unknown',
    };
  });
  rows.sort(
    (a, b) =>
      healthSeverity(b.worstHealth) - healthSeverity(a.worstHealth) ||
      a.entityRef.localeCompare(b.entityRef),
  );
  return {
    team,
    counts: {
      byHealth: countByHealth(all.map(o => o.health.status)),
      bySync: countBySync(all.map(o => o.sync)),
      total: all.length,
    },
    rows,
  };
}
