import { ObjectStatus } from '@internal/plugin-gitops-common';
import {
  CacheChange,
  CacheInput,
  CacheListener,
  EntityMapping,
  StatusCache,
} from './types';

interface Entry extends CacheInput {
  kindId: string;
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

export function createStatusCache(): StatusCache {
  const entries = new Map<string, Entry>();
  const byKind = new Map<string, Set<string>>();
  const byEntity = new Map<string, Set<string>>();
  const byTeam = new Map<string, Set<string>>();
  const listeners = new Set<CacheListener>();
  let mapping = noMapping;

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

  function put(kindId: string, input: CacheInput): CacheChange {
    const key = input.record.key;
    const previous = entries.get(key);
    if (previous) unindex(key, previous.record);
    const record = {
      ...input.record,
      entityRefs: mapping.entityRefsFor(input.match),
    };
    entries.set(key, { ...input, record, kindId });
    addTo(byKind, kindId, key);
    index(key, record);
    return {
      key,
      cluster: record.cluster,
      previous: previous?.record,
      current: record,
      resourceVersion: input.resourceVersion,
    };
  }

  function drop(
    key: string,
    resourceVersion?: string,
  ): CacheChange | undefined {
    const previous = entries.get(key);
    if (!previous) return undefined;
    entries.delete(key);
    unindex(key, previous.record);
    removeFrom(byKind, previous.kindId, key);
    return {
      key,
      cluster: previous.record.cluster,
      previous: previous.record,
      resourceVersion,
    };
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

  const records = (keys: Set<string> | undefined) =>
    [...(keys ?? [])].flatMap(key => {
      const entry = entries.get(key);
      return entry ? [entry.record] : [];
    });

  return {
    upsert(kindId, input) {
      emit([put(kindId, input)]);
    },
    remove(key, resourceVersion) {
      const change = drop(key, resourceVersion);
      if (change) emit([change]);
    },
    replaceKind(kindId, inputs) {
      const fresh = new Set(inputs.map(input => input.record.key));
      const changes: CacheChange[] = [];
      for (const key of [...(byKind.get(kindId) ?? [])]) {
        if (!fresh.has(key)) {
          const change = drop(key);
          if (change) changes.push(change);
        }
      }
      for (const input of inputs) changes.push(put(kindId, input));
      emit(changes);
    },
    get: key => entries.get(key)?.record,
    all: () => [...entries.values()].map(entry => entry.record),
    byEntity: ref => records(byEntity.get(refKey(ref))),
    byTeam: team => records(byTeam.get(refKey(team))),
    kindSize: kindId => byKind.get(kindId)?.size ?? 0,
    setEntityMapping(next) {
      mapping = next;
      byEntity.clear();
      byTeam.clear();
      const changes: CacheChange[] = [];
      for (const [key, entry] of entries) {
        const previous = entry.record;
        const entityRefs = mapping.entityRefsFor(entry.match);
        entry.record = { ...previous, entityRefs };
        index(key, entry.record);
        if (entityRefs.join('\n') !== previous.entityRefs.join('\n')) {
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
