import {
  managerIdentityKeys,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
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
 */
export class ManagerLinks {
  /** cluster → manager name → keys of the managers of that name in that cluster. */
  private readonly managersByName = new Map<string, KeySetIndex>();
  /**
   * managerKey → keys of the objects pointing at it (in any cluster). Arrays, not Sets: one entry per managed
   * object is most of what following managers costs in memory; removal scans one manager's objects only.
   */
  private readonly managed = new Map<string, string[]>();

  /** `recordOf` reads a cached manager's record (its identity keys decide which manager keys it answers to). */
  constructor(
    private readonly recordOf: (key: string) => ObjectStatus | undefined,
  ) {}

  add(key: string, record: ObjectStatus, managers: string[]) {
    if (ManagerLinks.isManager(record)) {
      let byName = this.managersByName.get(record.cluster);
      if (!byName) {
        byName = new Map();
        this.managersByName.set(record.cluster, byName);
      }
      addTo(byName, record.name, key);
    }
    for (const id of managers) {
      const keys = this.managed.get(id);
      if (keys) keys.push(key);
      else this.managed.set(id, [key]);
    }
  }

  remove(key: string, record: ObjectStatus, managers: string[]) {
    const byName = this.managersByName.get(record.cluster);
    if (byName && ManagerLinks.isManager(record)) {
      removeFrom(byName, record.name, key);
      if (byName.size === 0) this.managersByName.delete(record.cluster);
    }
    for (const id of managers) {
      const keys = this.managed.get(id);
      const at = keys?.indexOf(key) ?? -1;
      if (!keys || at < 0) continue;
      keys[at] = keys[keys.length - 1];
      keys.pop();
      if (keys.length === 0) this.managed.delete(id);
    }
  }

  /** Keys of the objects managing this one (never itself). */
  parentsOf(key: string, record: ObjectStatus, managers: string[]): string[] {
    const keys: string[] = [];
    for (const id of managers) {
      let found = this.managersIn(record.cluster, id);
      if (found.length === 0) {
        for (const cluster of this.managersByName.keys()) {
          if (cluster !== record.cluster) {
            found = found.concat(this.managersIn(cluster, id));
          }
        }
      }
      for (const parent of found) if (parent !== key) keys.push(parent);
    }
    return keys;
  }

  /** The managers of one cluster answering to a manager key. */
  private managersIn(cluster: string, id: string): string[] {
    const byName = this.managersByName.get(cluster);
    if (!byName) return [];
    const found: string[] = [];
    for (const key of keysAt(byName, managerNameOf(id))) {
      const manager = this.recordOf(key);
      if (manager && managerIdentityKeys(manager).includes(id)) found.push(key);
    }
    return found;
  }

  /** Keys of the objects that may inherit from this one (pointing at one of its manager keys, in any cluster). */
  childrenOf(record: ObjectStatus): string[] {
    const keys: string[] = [];
    for (const id of managerIdentityKeys(record)) {
      keys.push(...(this.managed.get(id) ?? []));
    }
    return keys;
  }

  /** Whether the record is a manager other objects may point at. */
  static isManager(record: ObjectStatus): boolean {
    return managerIdentityKeys(record).length > 0;
  }
}
