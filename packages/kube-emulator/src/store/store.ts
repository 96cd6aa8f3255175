import { randomUUID } from 'node:crypto';
import { KubeObject } from '../types';
import { EventType, StoreEvent, WatchHistory } from './history';
import { objectKey } from './objects';
import { ResourceRegistry } from './registry';
import { ResourceType, storageKey } from './resourceType';

/** Objects of one resource, plus a lazily rebuilt sorted key list for paginated lists. */
class ResourceData {
  readonly objects = new Map<string, KubeObject>();
  private sorted: string[] | undefined;

  set(key: string, obj: KubeObject) {
    if (!this.objects.has(key)) this.sorted = undefined;
    this.objects.set(key, obj);
  }

  delete(key: string) {
    if (this.objects.delete(key)) this.sorted = undefined;
  }

  sortedKeys(): string[] {
    if (!this.sorted) this.sorted = [...this.objects.keys()].sort();
    return this.sorted;
  }
}

/**
 * In-memory state of one cluster. Stored objects are never mutated after they are stored
 * (a write stores a new object), so history and in-flight responses can share them.
 */
export class ClusterStore {
  readonly registry = new ResourceRegistry();
  readonly history: WatchHistory;
  /** Changes when continue tokens must stop working (compaction). */
  epoch = randomUUID();
  private rv = 0;
  private readonly data = new Map<string, ResourceData>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly changeListeners = new Set<() => void>();

  constructor(historySize: number) {
    this.history = new WatchHistory(historySize);
  }

  get resourceVersion(): number {
    return this.rv;
  }

  nextResourceVersion(): number {
    this.rv += 1;
    return this.rv;
  }

  get(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.data
      .get(storageKey(rt))
      ?.objects.get(objectKey(rt.namespaced ? namespace : undefined, name));
  }

  /** Sorted keys and objects of a resource; the caller filters by namespace via the key prefix. */
  entries(rt: ResourceType): {
    keys: string[];
    objects: Map<string, KubeObject>;
  } {
    const data = this.data.get(storageKey(rt));
    return data
      ? { keys: data.sortedKeys(), objects: data.objects }
      : { keys: [], objects: new Map() };
  }

  /** All objects of a resource (optionally one namespace), sorted like etcd keys. */
  list(rt: ResourceType, namespace?: string): KubeObject[] {
    const { keys, objects } = this.entries(rt);
    const prefix = rt.namespaced && namespace ? `${namespace}/` : undefined;
    const result: KubeObject[] = [];
    for (const key of keys) {
      if (prefix && !key.startsWith(prefix)) continue;
      result.push(objects.get(key)!);
    }
    return result;
  }

  count(): number {
    let total = 0;
    for (const d of this.data.values()) total += d.objects.size;
    return total;
  }

  /** Stores an object (already stamped with its new resourceVersion) and tells watchers. */
  commit(
    type: EventType,
    rt: ResourceType,
    obj: KubeObject,
    previous?: KubeObject,
  ) {
    const key = storageKey(rt);
    const objKey = objectKey(
      rt.namespaced ? obj.metadata.namespace : undefined,
      obj.metadata.name!,
    );
    let data = this.data.get(key);
    if (!data) {
      data = new ResourceData();
      this.data.set(key, data);
    }
    if (type === 'DELETED') data.delete(objKey);
    else data.set(objKey, obj);
    const event: StoreEvent = {
      type,
      rv: this.rv,
      resource: key,
      object: obj,
      previous,
    };
    this.history.push(event);
    for (const listener of this.listeners) listener(event);
    for (const listener of this.changeListeners) listener();
  }

  /** Drops every object of a resource without events (used when loading state). */
  clearResource(rt: ResourceType) {
    this.data.delete(storageKey(rt));
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Forget watch history and invalidate continue tokens, like etcd compaction. */
  compact() {
    this.history.reset(this.rv);
    this.epoch = randomUUID();
  }

  /** Restores persisted objects silently (no watch events) and resumes the RV counter. */
  load(
    objects: Array<{ rt: ResourceType; obj: KubeObject }>,
    resourceVersion: number,
  ) {
    for (const { rt, obj } of objects) {
      const key = storageKey(rt);
      let data = this.data.get(key);
      if (!data) {
        data = new ResourceData();
        this.data.set(key, data);
      }
      data.set(
        objectKey(
          rt.namespaced ? obj.metadata.namespace : undefined,
          obj.metadata.name!,
        ),
        obj,
      );
    }
    this.rv = Math.max(this.rv, resourceVersion);
    this.history.reset(this.rv);
  }

  /** Every stored object, CRDs first so a reload can register them before their resources. */
  allObjects(): KubeObject[] {
    const crds = this.data.get(
      'apiextensions.k8s.io/customresourcedefinitions',
    );
    const result: KubeObject[] = crds ? [...crds.objects.values()] : [];
    for (const [key, d] of this.data) {
      if (d !== crds && d.objects.size > 0 && key)
        result.push(...d.objects.values());
    }
    return result;
  }
}
