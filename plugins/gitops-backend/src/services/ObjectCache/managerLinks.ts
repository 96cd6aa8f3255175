import {
  managerIdentityKeys,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { hashes } from '../../lib/fnvHashes';
import { addTo, KeySetIndex, keysAt, removeFrom } from './keySetIndex';

/**
 * The name of the manager a manager key names: `argocd:<name>`, `argocd:<namespace>_<name>` (Kubernetes names hold
 * no `_`), `kustomize:<namespace>/<name>`, `helm:<namespace>/<name>`.
 */
function managerNameOf(id: string): string {
  const value = id.slice(id.indexOf(':') + 1);
  const cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf('_'));
  return value.slice(cut + 1);
}

/** A small integer (a V8 Smi: stored in the map entry itself, no heap object) for a manager key: 30 bits of a hash. */
export const keyHash = (id: string): number => hashes(id)[0] & 0x3fffffff;

/** What ManagerLinks reads of the cache it indexes. */
export interface ManagedObjects {
  recordOf(key: string): ObjectStatus | undefined;
  /** The manager keys a cached object points at. */
  managersOf(key: string): readonly string[] | undefined;
  /** Keys of the cached objects on an entity (the cache's entity index). */
  onEntity(entityRef: string): Iterable<string>;
}

/**
 * Which cached objects manage which (Argo CD Applications, Flux Kustomizations and HelmReleases, by the manager
 * keys of gitops-common managerTracking.ts): a managed object inherits its managers' entities.
 *
 * A manager is looked for in the object's own cluster first. Only when that cluster has none of that key are the
 * managers of every other cluster used: with one Argo CD managing remote clusters, the Applications live in the
 * managing cluster, not in the one the objects were applied to; if several clusters hold an Application of that
 * name, the object follows all of them (and shows as ambiguous when their entities differ).
 *
 * Managers are indexed by name only (the record's own name string), one entry each, and a manager key is checked
 * against the candidates' identity keys: an index by manager key held two new strings and four map entries per
 * Application (~220 bytes each in the reconciler benchmark).
 *
 * No list of every object a manager manages is kept (one array slot per managed object, with the slack arrays grow
 * by, made tracking cost more memory per object than label mapping). An object that inherits entities through a
 * manager key is on those entities, so the cache's entity index finds it again ({@link ManagerLinks.childrenOf});
 * only the objects pointing at a manager key that gives them no entity (no manager of that key yet, or none on an
 * entity) are listed, under that key. Whether a key gives an object entities depends on the object's cluster, the
 * key and the entities of that key's managers, so an object is filed when it comes, goes or points elsewhere, a
 * manager's lists are rebuilt once its change is propagated ({@link ManagerLinks.refile}), and every list after a
 * catalog re-map ({@link ManagerLinks.refileAll}). The price: a manager's change looks at every object on its
 * entities, not only at those it manages.
 */
export class ManagerLinks {
  /** cluster → manager name → keys of the managers of that name in that cluster. */
  private readonly managersByName = new Map<string, KeySetIndex>();
  /**
   * managerKey → keys of the objects pointing at it that it gives no entity. Arrays, not Sets (a Set costs two to
   * three times as much per key); removal scans one key's list only.
   */
  private readonly unmapped = new Map<string, string[]>();
  /**
   * managerKey → how many cached objects point at it. A manager nothing points at has no children, so its change
   * skips the scan of every object on its entities (in every cluster holding a manager of that name): at a cold
   * start each Application's first put did that scan, with nothing to find where Applications manage no cached
   * object (bench/reconciler). One entry per key pointed at, not per object, keyed by the key's hash
   * ({@link keyHash}), not the key: the key strings (one per Application in the mapping benchmark, ~40 bytes each)
   * made tracking cost more memory per object than label mapping. Keys of one hash share a count, so a manager
   * whose key collides with one pointed at scans for children it does not have: slower, never wrong.
   */
  private readonly pointers = new Map<number, number>();

  constructor(private readonly cache: ManagedObjects) {}

  /** Files a cached object: as a manager, and under the manager keys it points at that give it no entity. */
  add(key: string, record: ObjectStatus, managers: readonly string[]) {
    if (ManagerLinks.isManager(record)) {
      let byName = this.managersByName.get(record.cluster);
      if (!byName) {
        byName = new Map();
        this.managersByName.set(record.cluster, byName);
      }
      addTo(byName, record.name, key);
    }
    for (const id of managers) {
      const hash = keyHash(id);
      this.pointers.set(hash, (this.pointers.get(hash) ?? 0) + 1);
    }
    this.fileUnmapped(key, record, managers);
  }

  remove(key: string, record: ObjectStatus, managers: readonly string[]) {
    const byName = this.managersByName.get(record.cluster);
    if (byName && ManagerLinks.isManager(record)) {
      removeFrom(byName, record.name, key);
      if (byName.size === 0) this.managersByName.delete(record.cluster);
    }
    for (const id of managers) {
      const hash = keyHash(id);
      const pointing = (this.pointers.get(hash) ?? 0) - 1;
      if (pointing > 0) this.pointers.set(hash, pointing);
      else this.pointers.delete(hash);
      const keys = this.unmapped.get(id);
      const at = keys?.lastIndexOf(key) ?? -1;
      if (!keys || at < 0) continue;
      keys[at] = keys[keys.length - 1];
      keys.pop();
      if (keys.length === 0) this.unmapped.delete(id);
    }
  }

  /** Keys of the objects managing this one (never itself). */
  parentsOf(
    key: string,
    record: ObjectStatus,
    managers: readonly string[],
  ): string[] {
    const keys: string[] = [];
    for (const id of managers) {
      for (const parent of this.managersFor(record.cluster, id)) {
        if (parent !== key) keys.push(parent);
      }
    }
    return keys;
  }

  /**
   * Keys of the objects that may inherit from this manager (a superset: pointing at one of its manager keys, in any
   * cluster). `previousRefs`: the manager's entities before the change being propagated, which its objects still
   * carry.
   */
  childrenOf(record: ObjectStatus, previousRefs: readonly string[]): string[] {
    const keys: string[] = [];
    for (const id of managerIdentityKeys(record)) {
      if (!this.pointers.has(keyHash(id))) continue;
      for (const key of this.unmapped.get(id) ?? []) keys.push(key);
      // Every object given entities through `id` is on the entities of one of the managers of `id`.
      const refs = new Set([...previousRefs, ...record.entityRefs]);
      for (const manager of this.managersFor(undefined, id)) {
        for (const ref of this.cache.recordOf(manager)?.entityRefs ?? []) {
          refs.add(ref);
        }
      }
      for (const ref of refs) {
        for (const key of this.cache.onEntity(ref)) {
          if (this.cache.managersOf(key)?.includes(id)) keys.push(key);
        }
      }
    }
    return keys;
  }

  /**
   * Rebuilds the lists of the manager's keys after a change of the manager was propagated: `children` are the
   * {@link childrenOf} it was propagated to.
   */
  refile(record: ObjectStatus, children: Iterable<string>) {
    for (const id of managerIdentityKeys(record)) {
      if (!this.pointers.has(keyHash(id))) {
        this.unmapped.delete(id);
        continue;
      }
      const keys: string[] = [];
      for (const key of children) {
        const child = this.cache.recordOf(key);
        if (
          child &&
          this.cache.managersOf(key)?.includes(id) &&
          !this.givesEntities(key, child.cluster, id)
        ) {
          keys.push(key);
        }
      }
      if (keys.length > 0) this.unmapped.set(id, keys);
      else this.unmapped.delete(id);
    }
  }

  /**
   * Rebuilds every list from scratch, after a re-map changed many objects' entities without propagating each
   * change (the lists no longer follow the objects'). `keys`: every cached object's.
   */
  refileAll(keys: Iterable<string>) {
    this.unmapped.clear();
    for (const key of keys) {
      const record = this.cache.recordOf(key);
      const managers = this.cache.managersOf(key);
      if (record && managers) this.fileUnmapped(key, record, managers);
    }
  }

  /** Lists the object under the manager keys it points at that give it no entity. */
  private fileUnmapped(
    key: string,
    record: ObjectStatus,
    managers: readonly string[],
  ) {
    for (const id of managers) {
      if (this.givesEntities(key, record.cluster, id)) continue;
      const keys = this.unmapped.get(id);
      if (keys) keys.push(key);
      else this.unmapped.set(id, [key]);
    }
  }

  /** Whether a manager of `id` that an object of `cluster` follows (other than itself) is on an entity. */
  private givesEntities(key: string, cluster: string, id: string): boolean {
    return this.managersFor(cluster, id).some(
      parent =>
        parent !== key &&
        (this.cache.recordOf(parent)?.entityRefs.length ?? 0) > 0,
    );
  }

  /**
   * The managers of `id` an object of `cluster` follows: those of its own cluster, else those of every other
   * cluster (`undefined`: of every cluster).
   */
  private managersFor(cluster: string | undefined, id: string): string[] {
    const own = cluster === undefined ? [] : this.managersIn(cluster, id);
    if (own.length > 0) return own;
    const found: string[] = [];
    for (const other of this.managersByName.keys()) {
      if (other !== cluster) found.push(...this.managersIn(other, id));
    }
    return found;
  }

  /** The managers of one cluster answering to a manager key. */
  private managersIn(cluster: string, id: string): string[] {
    const byName = this.managersByName.get(cluster);
    if (!byName) return [];
    const found: string[] = [];
    for (const key of keysAt(byName, managerNameOf(id))) {
      const manager = this.cache.recordOf(key);
      if (manager && managerIdentityKeys(manager).includes(id)) found.push(key);
    }
    return found;
  }

  /** Whether the record is a manager other objects may point at. */
  static isManager(record: ObjectStatus): boolean {
    return managerIdentityKeys(record).length > 0;
  }
}
