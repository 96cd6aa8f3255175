import {
  managerKeysOf,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import {
  compactMatch,
  compactRecord,
  StringPool,
  withEntityRefs,
  withHealth,
} from './compact';
import { CrossplaneLinks, mappingOrder } from './crossplaneLinks';
import { addTo, countAt, KeySetIndex, keysAt, removeFrom } from './keySetIndex';
import { ManagerLinks } from './managerLinks';
import {
  CacheChange,
  CacheInput,
  CacheListener,
  EntityMapping,
  KindRelist,
  ObjectCache,
} from './types';

/** One cached object (its record keeps Argo CD's per-resource list packed, see compact.ts). */
interface Entry {
  kindId: string;
  record: ObjectStatus;
  /** Without `argoTrackingApp`, which is `trackedApp`. */
  match: CacheInput['match'];
  resourceVersion?: string;
  /**
   * The Application of the object's Argo CD tracking id (a pooled string). Kept here, where every entry has a field
   * for it, not in `match`, where it made objects tracked by annotation a larger shape than those mapped by label.
   * The manager keys the object points at are derived when needed ({@link managersOf}), not kept: a shared list
   * per Application and its pooled keys cost tracking more memory per object than label mapping.
   */
  trackedApp: string | undefined;
}

/** The matchable object as read, with its tracked Application. */
const fullMatch = ({
  match,
  trackedApp,
}: Pick<Entry, 'match' | 'trackedApp'>) =>
  trackedApp ? { ...match, argoTrackingApp: trackedApp } : match;

/** Lists compare by their items (manager keys, entity refs). */
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.join('\n') === b.join('\n');

/**
 * How far entities are inherited: Application of Applications → Application → claim → composite → managed, with
 * room for nesting. A cycle (an Application tracked by one it manages) stops here.
 */
const MAX_INHERITANCE_DEPTH = 8;

const noMapping: EntityMapping = {
  entityRefsFor: () => [],
  teamOf: () => undefined,
};

/** Entity refs compare case-insensitively in Backstage. */
const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Managers before everything else, then Crossplane parents before their children. */
const inheritanceOrder = (record: ObjectStatus) =>
  ManagerLinks.isManager(record) ? -2 : mappingOrder(record);

export function createObjectCache(): ObjectCache {
  const entries = new Map<string, Entry>();
  const byKind: KeySetIndex = new Map();
  const byEntity: KeySetIndex = new Map();
  const byTeam: KeySetIndex = new Map();
  const listeners = new Set<CacheListener>();
  const pool = new StringPool();
  const links = new CrossplaneLinks();
  let mapping = noMapping;
  /** While setEntityMapping runs: each object's own entities, computed once. */
  let ownDuringRemap: Map<string, string[]> | undefined;

  const ownRefsOf = (match: CacheInput['match']) =>
    pool.internList(mapping.entityRefsFor(match));
  /** The manager keys an object points at, by `by` (the current mapping unless said otherwise). */
  const managersOf = (
    entry: Pick<Entry, 'match' | 'trackedApp'>,
    by = mapping,
  ): readonly string[] => {
    const marks = fullMatch(entry);
    return by.managersOf?.(marks) ?? managerKeysOf(marks);
  };

  const managerLinks = new ManagerLinks({
    recordOf: key => entries.get(key)?.record,
    managersOf: key => {
      const entry = entries.get(key);
      return entry && managersOf(entry);
    },
    onEntity: ref => keysAt(byEntity, refKey(ref)),
  });

  /**
   * The entities claiming the object itself, plus those of the objects it belongs to: its Argo CD Application or
   * Flux Kustomization/HelmRelease, and for Crossplane objects their claim or composite. Shared lists (every object
   * of an entity holds the same one).
   */
  function entityRefsOf(
    key: string,
    record: ObjectStatus,
    own: string[],
    managers: readonly string[],
  ) {
    const parents = managerLinks.parentsOf(key, record, managers);
    if (record.crossplane && record.crossplane.role !== 'xrd') {
      parents.push(...links.parentsOf(record));
    }
    if (parents.length === 0) return own;
    const refs = new Set(own);
    for (const parent of parents) {
      for (const ref of entries.get(parent)?.record.entityRefs ?? []) {
        refs.add(ref);
      }
    }
    return refs.size === own.length ? own : pool.internList([...refs]);
  }

  /** The objects that may inherit entities from `record` (`previousRefs`: its entities before this change). */
  function childrenOf(record: ObjectStatus, previousRefs: readonly string[]) {
    const children = new Set(managerLinks.childrenOf(record, previousRefs));
    if (record.crossplane) {
      for (const key of links.childrenOf(record)) children.add(key);
    }
    return children;
  }

  /**
   * Re-maps the objects below `record` (managed by it, or Crossplane children) whose inherited entities changed.
   * `previousRefs`: the entities `record` had before the change being propagated.
   */
  function propagate(
    parentKey: string,
    record: ObjectStatus,
    previousRefs: readonly string[],
    depth = 0,
  ): CacheChange[] {
    if (depth > MAX_INHERITANCE_DEPTH) return [];
    const changes: CacheChange[] = [];
    const children = childrenOf(record, previousRefs);
    for (const key of children) {
      const entry = entries.get(key);
      if (!entry || key === parentKey) continue;
      const previous = entry.record;
      const own = ownDuringRemap?.get(key) ?? ownRefsOf(entry.match);
      const entityRefs = entityRefsOf(key, previous, own, managersOf(entry));
      if (sameList(entityRefs, previous.entityRefs)) continue;
      unindex(key, previous);
      entry.record = withEntityRefs(previous, entityRefs);
      index(key, entry.record);
      changes.push({
        key,
        cluster: previous.cluster,
        previous,
        current: entry.record,
        resourceVersion: entry.resourceVersion,
      });
      changes.push(
        ...propagate(key, entry.record, previous.entityRefs, depth + 1),
      );
    }
    managerLinks.refile(record, children);
    return changes;
  }

  const teamsOf = (record: ObjectStatus) =>
    new Set(
      record.entityRefs.flatMap(ref => {
        const team = mapping.teamOf(ref);
        return team ? [refKey(team)] : [];
      }),
    );

  function index(key: string, record: ObjectStatus) {
    for (const ref of record.entityRefs) addTo(byEntity, refKey(ref), key);
    for (const team of teamsOf(record)) addTo(byTeam, team, key);
  }

  function unindex(key: string, record: ObjectStatus) {
    for (const ref of record.entityRefs) removeFrom(byEntity, refKey(ref), key);
    for (const team of teamsOf(record)) removeFrom(byTeam, team, key);
  }

  function put(kindId: string, input: CacheInput): CacheChange[] {
    const previous = entries.get(input.record.key);
    // The key string the object was first cached under: the maps and sets below keep that one, so the record does
    // too (each event's equal copy would be one more ~70-byte string per updated object).
    const key = previous?.record.key ?? input.record.key;
    const { argoTrackingApp, ...marks } = input.match;
    const match = compactMatch(marks, pool);
    const trackedApp = pool.intern(argoTrackingApp);
    const own = ownRefsOf(match);
    const managers = managersOf({ match, trackedApp });
    const previousManagers = previous && managersOf(previous);
    const relinkManagers =
      !previousManagers || !sameList(previousManagers, managers);
    if (previous) {
      unindex(key, previous.record);
      links.remove(key, previous.record);
      if (previousManagers && relinkManagers) {
        managerLinks.remove(key, previous.record, previousManagers);
      }
    }
    const record = compactRecord(
      input.record,
      pool,
      entityRefsOf(key, input.record, own, managers),
      key,
    );
    entries.set(key, {
      kindId,
      record,
      match,
      resourceVersion: input.resourceVersion,
      trackedApp,
    });
    addTo(byKind, kindId, key);
    index(key, record);
    links.add(key, record);
    if (relinkManagers) managerLinks.add(key, record, managers);
    const change = {
      key,
      cluster: record.cluster,
      previous: previous?.record,
      current: record,
      resourceVersion: input.resourceVersion,
    };
    return [
      change,
      ...propagate(key, record, previous?.record.entityRefs ?? []),
    ];
  }

  function drop(key: string, resourceVersion?: string): CacheChange[] {
    const previous = entries.get(key);
    if (!previous) return [];
    entries.delete(key);
    unindex(key, previous.record);
    links.remove(key, previous.record);
    managerLinks.remove(key, previous.record, managersOf(previous));
    removeFrom(byKind, previous.kindId, key);
    const change = {
      key,
      cluster: previous.record.cluster,
      previous: previous.record,
      // Vanished on a relist (no event RV): derived from the last RV, the same on every replica.
      resourceVersion:
        resourceVersion ??
        (previous.resourceVersion
          ? `${previous.resourceVersion}-gone`
          : undefined),
    };
    return [
      change,
      ...propagate(key, previous.record, previous.record.entityRefs),
    ];
  }

  function emit(changes: CacheChange[]) {
    if (changes.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(changes);
      } catch {
        // a failing listener must not break the watch that fed the cache
      }
    }
  }

  /** A relist whose changes go to `output` (the listeners, or one batch for replaceKind). */
  function relist(
    kindId: string,
    output: (changes: CacheChange[]) => void,
  ): KindRelist {
    const listed = new Set<string>();
    return {
      putPage(inputs) {
        const changes: CacheChange[] = [];
        for (const input of inputs) {
          listed.add(input.record.key);
          changes.push(...put(kindId, input));
        }
        output(changes);
      },
      finish() {
        const changes: CacheChange[] = [];
        for (const key of [...keysAt(byKind, kindId)]) {
          if (!listed.has(key)) changes.push(...drop(key));
        }
        output(changes);
        return [...listed];
      },
    };
  }

  const records = (keys: Iterable<string>) =>
    [...keys].flatMap(key => {
      const entry = entries.get(key);
      return entry ? [entry.record] : [];
    });

  return {
    upsert(kindId, input) {
      emit(put(kindId, input));
    },
    remove(key, resourceVersion) {
      emit(drop(key, resourceVersion));
    },
    replaceKind(kindId, inputs) {
      const batch: CacheChange[] = [];
      const replace = relist(kindId, changes => batch.push(...changes));
      replace.putPage(inputs);
      replace.finish();
      emit(batch);
    },
    beginRelist: kindId => relist(kindId, emit),
    get: key => entries.get(key)?.record,
    matchOf(key) {
      const entry = entries.get(key);
      return entry && fullMatch(entry);
    },
    all: () => [...entries.values()].map(entry => entry.record),
    inCluster(cluster) {
      // kindIds are `cluster|group|kind` (ClusterWatcher/kinds.ts).
      const prefix = `${cluster}|`;
      const found: ObjectStatus[] = [];
      for (const kindId of byKind.keys()) {
        if (!kindId.startsWith(prefix)) continue;
        for (const record of records(keysAt(byKind, kindId))) {
          if (record.cluster === cluster) found.push(record);
        }
      }
      return found;
    },
    byEntity: ref => records(keysAt(byEntity, refKey(ref))),
    byTeam: team => records(keysAt(byTeam, refKey(team))),
    kindSize: kindId => countAt(byKind, kindId),
    setHealth(key, health, source) {
      const entry = entries.get(key);
      if (!entry) return;
      const previous = entry.record;
      if (
        previous.healthSource === source &&
        previous.health.status === health.status &&
        previous.health.message === health.message
      ) {
        return;
      }
      entry.record = withHealth(previous, health, source);
      emit([
        {
          key,
          cluster: previous.cluster,
          previous,
          current: entry.record,
          resourceVersion: entry.resourceVersion,
        },
      ]);
    },
    setEntityMapping(next) {
      const previousMapping = mapping;
      mapping = next;
      byEntity.clear();
      byTeam.clear();
      const before = new Map<string, ObjectStatus>();
      const own = new Map<string, string[]>();
      ownDuringRemap = own;
      for (const [key, entry] of entries) {
        before.set(key, entry.record);
        own.set(key, ownRefsOf(entry.match));
        const was = managersOf(entry, previousMapping);
        const managers = managersOf(entry);
        if (!sameList(was, managers)) {
          managerLinks.remove(key, entry.record, was);
          managerLinks.add(key, entry.record, managers);
        }
      }
      // Managers first, Crossplane parents before their children: most objects inherit final entities at once.
      const ordered = [...entries].sort(
        ([, a], [, b]) =>
          inheritanceOrder(a.record) - inheritanceOrder(b.record),
      );
      for (const [key, entry] of ordered) {
        const { record } = entry;
        entry.record = withEntityRefs(
          record,
          entityRefsOf(key, record, own.get(key)!, managersOf(entry)),
        );
        index(key, entry.record);
      }
      // Applications managed by Applications (app of apps) may have been mapped before their manager.
      for (const [key, entry] of ordered) {
        if (ManagerLinks.isManager(entry.record)) {
          propagate(key, entry.record, before.get(key)!.entityRefs);
        }
      }
      ownDuringRemap = undefined;
      // The propagation above followed changes of managers only, with every object's entities already re-mapped.
      managerLinks.refileAll(entries.keys());
      const changes: CacheChange[] = [];
      for (const [key, entry] of entries) {
        const previous = before.get(key)!;
        if (!sameList(previous.entityRefs, entry.record.entityRefs)) {
          changes.push({
            key,
            cluster: previous.cluster,
            previous,
            current: entry.record,
            resourceVersion: entry.resourceVersion,
          });
        }
      }
      // Views of newly (un)mapped entities must refresh too.
      emit(changes);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
