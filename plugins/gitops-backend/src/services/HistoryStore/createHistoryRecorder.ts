import { LoggerService } from '@backstage/backend-plugin-api';
import {
  HistorySource,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { CacheChange, ObjectCache } from '../ObjectCache';
import { HistoryStore, HistoryTransition, ObservedState } from './types';

const stateOf = (record: ObjectStatus): ObservedState => ({
  sync: record.sync,
  health: record.health.status,
  ...(record.revision ? { revision: record.revision } : {}),
  // A multi-source Application: a change of any source's revision is a change (not only the first's).
  ...(record.sources
    ? { revisions: record.sources.map(source => source.revision ?? '') }
    : {}),
});

/** What each revision of a multi-source Application belongs to (a source without a repo URL is named by its place). */
const sourcesOf = (record: ObjectStatus): HistorySource[] | undefined =>
  record.sources?.map(source => ({
    repoURL: source.repoURL ?? '',
    ...(source.chart ? { chart: source.chart } : {}),
  }));

const sameRevisions = (a?: string[], b?: string[]) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.length === b.length &&
    a.every((revision, i) => revision === b[i]));

const sameState = (a: Partial<ObservedState>, b: ObservedState) =>
  a.sync === b.sync &&
  a.health === b.health &&
  a.revision === b.revision &&
  sameRevisions(a.revisions, b.revisions);

function transition(
  record: ObjectStatus,
  resourceVersion: string,
  from: ObservedState | undefined,
): HistoryTransition {
  return {
    key: record.key,
    resourceVersion,
    entityRefs: record.entityRefs,
    cluster: record.cluster,
    environment: record.environment,
    kind: record.kind,
    namespace: record.namespace,
    name: record.name,
    from,
    to: stateOf(record),
    ...(record.sources ? { sources: sourcesOf(record) } : {}),
    at: new Date(record.observedAt),
  };
}

/** What a deleted object's last row says: it is gone (HistoryList shows health Missing). */
const DELETED: ObservedState = { sync: 'Unknown', health: 'Missing' };

function deletion(
  record: ObjectStatus,
  resourceVersion: string,
): HistoryTransition {
  return {
    ...transition(record, resourceVersion, stateOf(record)),
    to: DELETED,
    at: new Date(),
  };
}

export interface HistoryRecorder {
  /** Writes everything buffered so far. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Turns cache changes into stored transitions, in batches. An object seen
 * for the first time in this process is compared with its last stored state,
 * so restarts and relists record nothing that did not change.
 */
export function createHistoryRecorder(options: {
  cache: ObjectCache;
  store: HistoryStore;
  logger: LoggerService;
  flushIntervalMs?: number;
}): HistoryRecorder {
  const { cache, store, logger } = options;
  let known: HistoryTransition[] = [];
  let firstSeen = new Map<string, { record: ObjectStatus; rv: string }>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const onChanges = (changes: CacheChange[]) => {
    for (const { current, previous, resourceVersion } of changes) {
      if (!current) {
        // Deleted (watch DELETED, or vanished on a relist): one Missing row. The RV comes from the
        // event or is derived from the last one, so replicas seeing the same deletion record it once.
        if (previous) {
          const rv = resourceVersion ?? `gone@${previous.observedAt}`;
          known.push(deletion(previous, rv));
        }
        continue;
      }
      const rv = resourceVersion ?? current.observedAt;
      if (!previous) firstSeen.set(current.key, { record: current, rv });
      else if (!sameState(stateOf(previous), stateOf(current))) {
        known.push(transition(current, rv, stateOf(previous)));
      }
    }
    timer ??= setTimeout(() => {
      timer = undefined;
      flush().catch(() => {});
    }, options.flushIntervalMs ?? 250);
  };
  const unsubscribe = cache.subscribe(onChanges);

  async function write() {
    const later = known;
    const first = firstSeen;
    known = [];
    firstSeen = new Map();
    // First observations precede the buffered changes, so they are written first.
    const batch: HistoryTransition[] = [];
    if (first.size > 0) {
      const last = await store.lastStates([...first.keys()]);
      for (const [key, { record, rv }] of first) {
        const stored = last.get(key);
        if (!stored || !sameState(stored, stateOf(record))) {
          batch.push(transition(record, rv, stored));
        }
      }
    }
    batch.push(...later);
    if (batch.length > 0) await store.record(batch);
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(write).catch(error => {
      logger.warn(`gitops: could not record status history: ${error}`);
    });
    return writing;
  }

  return {
    flush,
    async stop() {
      unsubscribe();
      await flush();
    },
  };
}
