import { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { ObjectCache } from '../ObjectCache';
import { entityEntry } from './teamView';

type Entry = ReturnType<typeof entityEntry>;

interface Kept {
  /** The stale clusters the row was computed with (its cells say whether they are stale). */
  staleClusters: string;
  entry: Entry;
}

/**
 * Rows of entities no team asks for again (deleted from the catalog, moved teams) are not tracked one by one:
 * past this many kept rows the memo starts afresh.
 */
const MAX_KEPT = 50_000;

const entityKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The local StatusStore's TeamView rows, one per entity, kept between requests: a row is computed from the cache
 * when it is first asked for, after one of the entity's objects changed in the cache (put, drop, health, re-map:
 * the cache reports each change with the entities before and after), or when the set of stale clusters changed.
 * A team request then computes only what changed since the previous one instead of walking, sorting and counting
 * every object of every entity of the team. Memory is per entity (a row and its counts), not per object.
 */
export interface EntityRowMemo {
  /** The entity's row and tally; `objectsOf` (worst first, stale ones marked) is called only to compute one. */
  entryOf(
    entityRef: string,
    staleClusters: string,
    objectsOf: () => ObjectStatus[],
  ): Entry;
}

export function createEntityRowMemo(cache: ObjectCache): EntityRowMemo {
  let kept = new Map<string, Kept>();

  cache.subscribe(changes => {
    if (kept.size === 0) return;
    for (const { previous, current } of changes) {
      for (const ref of previous?.entityRefs ?? []) kept.delete(entityKey(ref));
      for (const ref of current?.entityRefs ?? []) kept.delete(entityKey(ref));
    }
  });

  // An object on one entity only is counted by that entity's tally; one on several is deduplicated by the team.
  const isShared = (object: ObjectStatus) => object.entityRefs.length > 1;

  return {
    entryOf(entityRef, staleClusters, objectsOf) {
      const key = entityKey(entityRef);
      const found = kept.get(key);
      if (found?.staleClusters === staleClusters) return found.entry;
      const entry = entityEntry(entityRef, objectsOf(), isShared);
      if (kept.size >= MAX_KEPT) kept = new Map();
      kept.set(key, { staleClusters, entry });
      return entry;
    },
  };
}
