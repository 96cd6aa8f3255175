import { ObjectCache } from '../../services/ObjectCache';

/** The replica's cache, able to drop a cluster it hands over without its listeners hearing deletions. */
export interface HandoverCache extends ObjectCache {
  /**
   * Runs `change` with every listener deaf to it: a cluster leaving this replica's memory is not an object deleted
   * (no Missing history row, no shared-store delete, no signal).
   */
  quietly(change: () => void): void;
}

export function createHandoverCache(cache: ObjectCache): HandoverCache {
  let quiet = false;
  return {
    ...cache,
    subscribe(listener) {
      return cache.subscribe(changes => {
        if (!quiet) listener(changes);
      });
    },
    quietly(change) {
      quiet = true;
      try {
        change();
      } finally {
        quiet = false;
      }
    },
  };
}
