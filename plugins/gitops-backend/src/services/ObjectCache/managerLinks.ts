import {
  managerIdentityKeys,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { addTo, KeySetIndex, keysAt, removeFrom } from './keySetIndex';

/**
 * Which cached objects manage which (Argo CD Applications, Flux Kustomizations and HelmReleases, by the manager
 * keys of gitops-common managerTracking.ts): a managed object inherits its managers' entities.
 *
 * A manager is looked for in the object's own cluster first. Only when that cluster has none of that key are the
 * managers of every other cluster used: with one Argo CD managing remote clusters, the Applications live in the
 * managing cluster, not in the one the objects were applied to; if several clusters hold an Application of that
 * name, the object follows all of them (and shows as ambiguous when their entities differ).
 */
export class ManagerLinks {
  /** cluster → managerKey → keys of the managers with that key in that cluster (nested: no joined key strings). */
  private readonly managersInCluster = new Map<string, KeySetIndex>();
  /** managerKey → keys of the managers with that key in any cluster. */
  private readonly managersAnywhere: KeySetIndex = new Map();
  /**
   * managerKey → keys of the objects pointing at it (in any cluster). Arrays, not Sets: one entry per managed
   * object is most of what following managers costs in memory; removal scans one manager's objects only.
   */
  private readonly managed = new Map<string, string[]>();

  add(key: string, record: ObjectStatus, managers: string[]) {
    let inCluster = this.managersInCluster.get(record.cluster);
    for (const id of managerIdentityKeys(record)) {
      if (!inCluster) {
        inCluster = new Map();
        this.managersInCluster.set(record.cluster, inCluster);
      }
      addTo(inCluster, id, key);
      addTo(this.managersAnywhere, id, key);
    }
    for (const id of managers) {
      const keys = this.managed.get(id);
      if (keys) keys.push(key);
      else this.managed.set(id, [key]);
    }
  }

  remove(key: string, record: ObjectStatus, managers: string[]) {
    const inCluster = this.managersInCluster.get(record.cluster);
    for (const id of managerIdentityKeys(record)) {
      if (inCluster) removeFrom(inCluster, id, key);
      removeFrom(this.managersAnywhere, id, key);
    }
    if (inCluster?.size === 0) this.managersInCluster.delete(record.cluster);
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
    const inCluster = this.managersInCluster.get(record.cluster);
    for (const id of managers) {
      const local = inCluster?.has(id) ? inCluster : this.managersAnywhere;
      for (const parent of keysAt(local, id)) {
        if (parent !== key) keys.push(parent);
      }
    }
    return keys;
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
