import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import {
  compactMatch,
  compactRecord,
  StringPool,
  withEntityRefs,
} from './compact';
import { CrossplaneLinks, mappingOrder } from './crossplaneLinks';
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
  match: CacheInput['match'];
  resourceVersion?: string;
}

const noMapping: EntityMapping = {
  entityRefsFor: () => [],
  teamOf: () => undefined,
};

/** Entity refs compare case-insensitively in Backstage. */
const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

function addTo(index: Map<string, Set<string>>, name: string, key: string) {
  let keys = index.get(name);
  if (!keys) index.set(name, (keys = new Set()));
  keys.add(key);
}

function removeFrom(
  index: Map<string, Set<string>>,
  name: string,
  key: string,
) {
  const keys = index.get(name);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(name);
}

export function createObjectCache(): ObjectCache {
  const entries = new Map<string, Entry>();
  const byKind = new Map<string, Set<string>>();
  const byEntity = new Map<string, Set<string>>();
  const byTeam = new Map<string, Set<string>>();
  const listeners = new Set<CacheListener>();
  const pool = new StringPool();
  const links = new CrossplaneLinks();
  let mapping = noMapping;

  /**
   * The entity's own matchers, plus for Crossplane objects the entities of the objects they belong to; shared
   * lists (every object of an entity holds the same one).
   */
  function entityRefsOf(record: ObjectStatus, match: CacheInput['match']) {
    const own = mapping.entityRefsFor(match);
    if (!record.crossplane || record.crossplane.role === 'xrd') {
      return pool.internList(own);
    }
    const refs = new Set(own);
    for (const parent of links.parentsOf(record)) {
      for (const ref of entries.get(parent)?.record.entityRefs ?? []) {
        refs.add(ref);
      }
    }
    return pool.internList(refs.size === own.length ? own : [...refs]);
  }

  const sameRefs = (a: string[], b: string[]) => a.join('\n') === b.join('\n');

  /** Re-maps the Crossplane objects below `record` whose inherited entities changed. */
  function propagate(record: ObjectStatus, depth = 0): CacheChange[] {
    if (!record.crossplane || depth > 4) return []; // claim → composite → managed, nested composites
    const changes: CacheChange[] = [];
    for (const key of links.childrenOf(record)) {
      const entry = entries.get(key);
      if (!entry) continue;
      const previous = entry.record;
      const entityRefs = entityRefsOf(previous, entry.match);
      if (sameRefs(entityRefs, previous.entityRefs)) continue;
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
      changes.push(...propagate(entry.record, depth + 1));
    }
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
    const key = input.record.key;
    const previous = entries.get(key);
    if (previous) {
      unindex(key, previous.record);
      links.remove(key, previous.record);
    }
    const match = compactMatch(input.match, pool);
    const record = compactRecord(
      input.record,
      pool,
      entityRefsOf(input.record, match),
    );
    entries.set(key, {
      kindId,
      record,
      match,
      resourceVersion: input.resourceVersion,
    });
    addTo(byKind, kindId, key);
    index(key, record);
    links.add(key, record);
    const change = {
      key,
      cluster: record.cluster,
      previous: previous?.record,
      current: record,
      resourceVersion: input.resourceVersion,
    };
    return [change, ...propagate(record)];
  }

  function drop(key: string, resourceVersion?: string): CacheChange[] {
    const previous = entries.get(key);
    if (!previous) return [];
    entries.delete(key);
    unindex(key, previous.record);
    links.remove(key, previous.record);
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
    return [change, ...propagate(previous.record)];
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
        for (const key of [...(byKind.get(kindId) ?? [])]) {
          if (!listed.has(key)) changes.push(...drop(key));
        }
        output(changes);
        return [...listed];
      },
    };
  }

  const records = (keys: Set<string> | undefined) =>
    [...(keys ?? [])].flatMap(key => {
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
    all: () => [...entries.values()].map(entry => entry.record),
    inCluster(cluster) {
      // kindIds are `cluster|group|kind` (ClusterWatcher/kinds.ts).
      const prefix = `${cluster}|`;
      const found: ObjectStatus[] = [];
      for (const [kindId, keys] of byKind) {
        if (!kindId.startsWith(prefix)) continue;
        for (const record of records(keys)) {
          if (record.cluster === cluster) found.push(record);
        }
      }
      return found;
    },
    byEntity: ref => records(byEntity.get(refKey(ref))),
    byTeam: team => records(byTeam.get(refKey(team))),
    kindSize: kindId => byKind.get(kindId)?.size ?? 0,
    setEntityMapping(next) {
      mapping = next;
      byEntity.clear();
      byTeam.clear();
      const changes: CacheChange[] = [];
      // Crossplane parents before their children, which inherit their entities.
      const ordered = [...entries].sort(
        ([, a], [, b]) => mappingOrder(a.record) - mappingOrder(b.record),
      );
      for (const [key, entry] of ordered) {
        const previous = entry.record;
        const entityRefs = entityRefsOf(previous, entry.match);
        entry.record = withEntityRefs(previous, entityRefs);
        index(key, entry.record);
        if (!sameRefs(entityRefs, previous.entityRefs)) {
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
