import {
  Health,
  HealthSource,
  MatchableObject,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';

/** Which entities (and teams) own an object; supplied by the EntityIndex. */
export interface EntityMapping {
  /** The entities whose annotations claim the object itself (before it inherits its managers' entities). */
  entityRefsFor(object: MatchableObject): string[];
  teamOf(entityRef: string): string | undefined;
  /**
   * The manager keys the object points at (gitops-common managerKeysOf); when absent, Argo CD's default
   * instance label is assumed.
   */
  managersOf?(object: MatchableObject): string[];
}

/** One object as the cache stores it. */
export interface CacheInput {
  record: ObjectStatus;
  match: MatchableObject;
  resourceVersion?: string;
}

/** One change of the cache; `current` undefined = deleted. */
export interface CacheChange {
  key: string;
  cluster: string;
  previous?: ObjectStatus;
  current?: ObjectStatus;
  resourceVersion?: string;
}

export type CacheListener = (changes: CacheChange[]) => void;

/** A relist of one kind in progress (see {@link ObjectCache.beginRelist}). */
export interface KindRelist {
  /** Puts one page of the list; its changes are emitted together. */
  putPage(inputs: CacheInput[]): void;
  /** Ends the list: objects of the kind not put since it began are removed. Returns the listed keys. */
  finish(): string[];
}

/** The in-memory status of every watched object, indexed for entity and team views. */
export interface ObjectCache {
  /** Upsert one object of a watched kind (`kindId` = cluster + group + kind). */
  upsert(kindId: string, input: CacheInput): void;
  remove(key: string, resourceVersion?: string): void;
  /** Replace all objects of a kind at once; vanished ones are deleted. */
  replaceKind(kindId: string, inputs: CacheInput[]): void;
  /**
   * Replaces all objects of a kind page by page (a relist): each page is compacted into the cache as it
   * arrives, so a long list is never held whole, uncompacted, in memory. Until `finish`, objects missing
   * from the pages so far keep their last status.
   */
  beginRelist(kindId: string): KindRelist;
  get(key: string): ObjectStatus | undefined;
  /** The labels, namespace and Argo CD tracking a cached object was stored with. */
  matchOf(key: string): MatchableObject | undefined;
  all(): ObjectStatus[];
  /** The objects of one cluster (through the per-kind index: no scan of every object). */
  inCluster(cluster: string): ObjectStatus[];
  byEntity(entityRef: string): ObjectStatus[];
  byTeam(team: string): ObjectStatus[];
  /** Object count per kindId (for tests and the clusters view). */
  kindSize(kindId: string): number;
  /**
   * Replaces the health of a cached object and says where it came from (an Argo CD Application's report, or the
   * object's own rule again); emits a change. Nothing happens for an object not cached or already so.
   */
  setHealth(key: string, health: Health, source: HealthSource): void;
  /** Re-map every object after the catalog changed; emits a change for each object whose entities changed. */
  setEntityMapping(mapping: EntityMapping): void;
  subscribe(listener: CacheListener): () => void;
}
