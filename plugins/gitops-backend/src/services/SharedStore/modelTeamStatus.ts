import {
  TeamStatusResponse,
  TeamStatusRow,
} from '@internal/plugin-gitops-common';
import {
  compareObjects,
  entityRow,
  SummaryObject,
  teamResponse,
} from '../StatusService';
import { TeamReadModel } from './createTeamReadModel';
import { refKey } from './tables';

/** This replica's own clusters, fresher in its cache than in the model (own changes are signalled at once). */
export interface LocalObjects {
  held(): string[];
  byEntity(entityRef: string): SummaryObject[];
  /** Hears the entity refs of the objects that changed in the cache. */
  subscribe(listener: (entityRefs: string[]) => void): () => void;
}

interface Entry {
  version: string;
  row: TeamStatusRow;
  objects: SummaryObject[];
}

/**
 * Team status from the read model (other replicas' clusters) and the cache (held ones), with each entity's row kept
 * until one of its objects changes: a team request recomputes only the entities that changed since the last one.
 * Every row is dropped when the held clusters or the stale clusters change.
 */
export function createModelTeamStatus(options: {
  model: TeamReadModel;
  local?: LocalObjects;
  markStale(object: SummaryObject, stale: Map<string, number>): SummaryObject;
}) {
  const { model, local } = options;
  const entries = new Map<string, Entry>();
  /** Cache changes per entity key (the model keeps its own versions). */
  const localVersions = new Map<string, number>();
  const staleSignatures = new WeakMap<Map<string, number>, string>();
  let epoch = '';

  const unsubscribe = local?.subscribe(entityRefs => {
    for (const ref of entityRefs) {
      const key = refKey(ref);
      localVersions.set(key, (localVersions.get(key) ?? 0) + 1);
    }
  });

  function signatureOf(stale: Map<string, number>) {
    let signature = staleSignatures.get(stale);
    if (signature === undefined) {
      signature = [...stale].map(([c, since]) => `${c}@${since}`).join(',');
      staleSignatures.set(stale, signature);
    }
    return signature;
  }

  function compute(ref: string, held: Set<string>, stale: Map<string, number>) {
    const objects: SummaryObject[] = [];
    for (const object of model.objectsOf(refKey(ref))) {
      if (!held.has(object.cluster)) objects.push(object);
    }
    for (const object of local?.byEntity(ref) ?? []) {
      if (held.has(object.cluster)) objects.push(object);
    }
    const marked = objects
      .map(object => options.markStale(object, stale))
      .sort(compareObjects);
    return { row: entityRow(ref, marked), objects: marked };
  }

  return {
    teamStatus(
      team: string,
      entityRefs: string[],
      stale: Map<string, number>,
    ): TeamStatusResponse {
      const heldList = local?.held() ?? [];
      const current = `${[...heldList].sort().join(',')}|${signatureOf(stale)}`;
      if (current !== epoch) {
        entries.clear();
        epoch = current;
      }
      const held = new Set(heldList);
      return teamResponse(
        team,
        entityRefs.map(ref => {
          const key = refKey(ref);
          const version = `${model.versionOf(key)}:${
            localVersions.get(key) ?? 0
          }`;
          const kept = entries.get(ref);
          if (kept?.version === version) return kept;
          const entry = { version, ...compute(ref, held, stale) };
          entries.set(ref, entry);
          return entry;
        }),
      );
    },
    stop: () => unsubscribe?.(),
  };
}
