import {
  countByHealth,
  countBySync,
  EnvironmentCell,
  environmentObjects,
  HealthStatus,
  hasSyncState,
  healthSeverity,
  ObjectStatus,
  SyncStatus,
  TeamStatusResponse,
  TeamStatusRow,
  worstHealth,
} from '@gitops-portal/plugin-gitops-common';

const SYNC_ORDER: SyncStatus[] = ['OutOfSync', 'Unknown', 'Synced'];

/** What the TeamView reads of an object (the shared status store serves just these columns). */
export type TeamViewObject = Pick<
  ObjectStatus,
  | 'key'
  | 'cluster'
  | 'environment'
  | 'sync'
  | 'health'
  | 'revision'
  | 'stale'
  | 'preview'
>;

/** `hasSyncState` per `apiGroup/kind` (a handful of kinds). */
const syncStateByGroupKind = new Map<string, boolean>();

/**
 * Whether a kind has a sync state (see `hasSyncState`), read from an object key
 * (`cluster/apiGroup/kind/namespace/name`, from the end: only the cluster name is free text), as the shared
 * status table serves the TeamView no other column naming the kind.
 */
function keyHasSyncState(key: string): boolean {
  const nameStart = key.lastIndexOf('/');
  const namespaceStart = key.lastIndexOf('/', nameStart - 1);
  const kindStart = key.lastIndexOf('/', namespaceStart - 1);
  const groupStart = key.lastIndexOf('/', kindStart - 1);
  const groupKind = key.slice(groupStart + 1, namespaceStart);
  let known = syncStateByGroupKind.get(groupKind);
  if (known === undefined) {
    known = hasSyncState(
      key.slice(groupStart + 1, kindStart),
      key.slice(kindStart + 1, namespaceStart),
    );
    syncStateByGroupKind.set(groupKind, known);
  }
  return known;
}

/**
 * Per object, while the object lives: the local store hands out its cached records themselves, so each is read
 * from its key once, not twice per team request (slicing and hashing the key was the team-status benchmark's
 * hottest line).
 */
const syncStateByObject = new WeakMap<object, boolean>();

function hasOwnSync(object: Pick<TeamViewObject, 'key'>): boolean {
  let known = syncStateByObject.get(object);
  if (known === undefined) {
    known = keyHasSyncState(object.key);
    syncStateByObject.set(object, known);
  }
  return known;
}

/**
 * One entity in one environment: the worst of its objects there. Objects without a sync state (a Rollout, a
 * Flux source) always say Unknown: only the others decide the cell's sync (Unknown when there are none).
 */
function cellOf(objects: TeamViewObject[]): EnvironmentCell {
  const health = worstHealth(objects.map(o => o.health.status)) ?? 'Unknown';
  const syncing = objects.filter(hasOwnSync);
  const sync =
    SYNC_ORDER.find(status => syncing.some(o => o.sync === status)) ??
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

/** The environment an object counts under in the TeamView. */
const environmentOf = (object: TeamViewObject) =>
  object.environment ?? object.cluster;

/**
 * One entity's TeamView row from the objects of its environments (sorted worst first, as `compareObjects`; a
 * preview's objects left out by the caller, see `environmentObjects`). `cell` may hand back an equal cell it
 * already holds, so rows kept in memory share their cells.
 */
export function entityRow(
  entityRef: string,
  objects: TeamViewObject[],
  cell: (value: EnvironmentCell) => EnvironmentCell = value => value,
): TeamStatusRow {
  const byEnvironment = new Map<string, TeamViewObject[]>();
  for (const object of objects) {
    const env = environmentOf(object);
    const list = byEnvironment.get(env);
    if (list) list.push(object);
    else byEnvironment.set(env, [object]);
  }
  return {
    entityRef,
    environments: Object.fromEntries(
      [...byEnvironment].map(([env, list]) => [env, cell(cellOf(list))]),
    ),
    worstHealth: worstHealth(objects.map(o => o.health.status)) ?? 'Unknown',
  };
}

/**
 * What one entity adds to its team's counts: the objects only it has, counted; the objects it may share with
 * another entity, listed, so the team counts each of them once. Sync counts only objects with a sync state.
 */
export interface EntityTally {
  byHealth: Record<HealthStatus, number>;
  bySync: Record<SyncStatus, number>;
  total: number;
  shared: TeamViewObject[];
}

/** `isShared` tells whether an object may belong to another entity too (unknown: assume it may). */
export function tallyOf<T extends TeamViewObject>(
  objects: T[],
  isShared: (object: T) => boolean = () => true,
): EntityTally {
  const own = objects.filter(object => !isShared(object));
  return {
    byHealth: countByHealth(own.map(object => object.health.status)),
    bySync: countBySync(own.filter(hasOwnSync).map(object => object.sync)),
    total: own.length,
    shared: objects.filter(isShared),
  };
}

function addCounts<K extends string>(
  into: Record<K, number>,
  from: Record<K, number>,
) {
  for (const status of Object.keys(from) as K[]) into[status] += from[status];
}

/** The team response from each entity's row and tally. */
export function teamResponse(
  team: string,
  entries: Array<{ row: TeamStatusRow; tally: EntityTally }>,
): TeamStatusResponse {
  const byHealth = countByHealth([]);
  const bySync = countBySync([]);
  let total = 0;
  const seen = new Set<string>();
  for (const { tally } of entries) {
    addCounts(byHealth, tally.byHealth);
    addCounts(bySync, tally.bySync);
    total += tally.total;
    for (const object of tally.shared) {
      if (seen.has(object.key)) continue;
      seen.add(object.key);
      byHealth[object.health.status] += 1;
      if (hasOwnSync(object)) bySync[object.sync] += 1;
      total += 1;
    }
  }
  const rows = entries.map(entry => entry.row);
  rows.sort(
    (a, b) =>
      healthSeverity(b.worstHealth) - healthSeverity(a.worstHealth) ||
      a.entityRef.localeCompare(b.entityRef),
  );
  return { team, counts: { byHealth, bySync, total }, rows };
}

/** One entity's row and tally from its objects (sorted worst first; `isShared` as `tallyOf`). */
export function entityEntry<T extends TeamViewObject>(
  entityRef: string,
  objects: T[],
  isShared?: (object: T) => boolean,
): { row: TeamStatusRow; tally: EntityTally } {
  // Previews are no environment: neither a row's cell nor the team's counts.
  const inEnvironments = environmentObjects(objects);
  return {
    row: entityRow(entityRef, inEnvironments),
    tally: tallyOf(inEnvironments, isShared),
  };
}

/** The TeamView of `entityRefs`: counts of every health and sync value (an object of two of the team's entities counts
 * once), rows worst first. */
export function teamViewOf(
  team: string,
  entityRefs: string[],
  objectsOf: (entityRef: string) => TeamViewObject[],
): TeamStatusResponse {
  return teamResponse(
    team,
    entityRefs.map(entityRef => entityEntry(entityRef, objectsOf(entityRef))),
  );
}
