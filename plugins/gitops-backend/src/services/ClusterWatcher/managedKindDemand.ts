import type { ReportChange } from './applicationReports';
import { groupKind, KindSpec } from './kinds';
import { ManagedKindsOptions } from './managedKindsConfig';
import { RawObserver } from './types';
import { managedWatchesOverCap, managedWatchesWanted } from './watchMetrics';

const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

const groupOf = (apiVersion: unknown) => {
  const value = text(apiVersion);
  if (!value) return undefined;
  const slash = value.indexOf('/');
  return slash < 0 ? '' : value.slice(0, slash);
};

const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);

const objectName = (obj: Record<string, unknown>) => {
  const meta = obj.metadata as
    | { name?: unknown; namespace?: unknown }
    | undefined;
  return `${text(meta?.namespace) ?? ''}/${text(meta?.name) ?? ''}`;
};

/** The kinds `{ apiVersion, kind }` entries name (resource refs, composition templates). */
function kindsOfRefs(refs: any[]): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    const group = groupOf(ref?.apiVersion);
    const kind = text(ref?.kind);
    if (group !== undefined && kind) out.push(groupKind(group, kind));
  }
  return out;
}

/** A claim's or composite's references: its resources, and the Composition it uses. */
function crossplaneReferences(obj: Record<string, any>) {
  const spec = obj.spec ?? {};
  return {
    kinds: kindsOfRefs([
      ...list(spec.resourceRefs),
      ...list(spec.crossplane?.resourceRefs),
    ]),
    composition:
      text(spec.compositionRef?.name) ??
      text(spec.crossplane?.compositionRef?.name),
  };
}

/**
 * The kinds a Composition composes: `spec.resources[].base` (patch-and-transform mode) and the `resources[].base`
 * of its pipeline steps' inputs (function-patch-and-transform); other functions' inputs name no kinds we can read.
 */
function compositionKinds(obj: Record<string, any>): string[] {
  const spec = obj.spec ?? {};
  const bases = [
    ...list(spec.resources),
    ...list(spec.pipeline).flatMap(step => list(step?.input?.resources)),
  ].map(resource => resource?.base);
  return kindsOfRefs(bases);
}

/** Adds `delta` to a count, dropping it at zero. */
function count(counts: Map<string, number>, key: string, delta: number) {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/**
 * Keeps, per watched object, the kinds it refers to, and tells the watcher when the union changed (not on every
 * status update). Fed by raw observers of the claims and composites, the Applications and the Compositions.
 */
export class ManagedKindDemand {
  /** `source|namespace/name` → the kinds it names directly (claims and composites; Applications are counted only). */
  private readonly direct = new Map<string, string[]>();
  /** `source|namespace/name` → the Composition it uses. */
  private readonly uses = new Map<string, string>();
  /** Composition name → the kinds it composes. */
  private readonly compositions = new Map<string, string[]>();
  /** Kind → how many objects name it directly. */
  private readonly kindRefs = new Map<string, number>();
  /** Composition name → how many claims and composites use it. */
  private readonly compositionRefs = new Map<string, number>();
  /** Wanted kinds in the order they were first wanted (the cap keeps the oldest). */
  private wantedOrder: string[] = [];
  private overCap = 0;
  private watching = 0;

  constructor(
    private readonly options: ManagedKindsOptions & {
      cluster: string;
      /** The wanted kinds changed: discovery runs again. */
      onChange(): void;
    },
  ) {}

  /** Observer of one claim or composite kind (the source names its kind, so several kinds never collide). */
  crossplaneObserver(source: string): RawObserver {
    return this.observer(source, crossplaneReferences);
  }

  /**
   * What Applications report about this cluster's objects changed (ApplicationReports: those here deploying here,
   * and those of another watched cluster deploying here). Only the counts change: the kinds each Application named
   * are in the change.
   */
  applicationsChanged(changes: ReportChange[]) {
    this.changing(() => {
      for (const { kindsBefore, kindsAfter } of changes) {
        for (const kind of kindsBefore) count(this.kindRefs, kind, -1);
        for (const kind of kindsAfter) count(this.kindRefs, kind, 1);
      }
    });
  }

  readonly compositionObserver: RawObserver = {
    replaced: objects =>
      this.changing(() => {
        this.compositions.clear();
        for (const obj of objects) this.setComposition(obj);
      }),
    upserted: obj => this.changing(() => this.setComposition(obj)),
    deleted: obj =>
      this.changing(() =>
        this.compositions.delete(objectName(obj).replace(/^\//, '')),
      ),
  };

  /**
   * The managed resource CRDs to watch, and those wanted but left out by the cap. In `all` mode every one is
   * wanted. Called by discovery with the cluster's managed resource CRDs.
   */
  select(managed: KindSpec[]): { watch: KindSpec[]; capped: KindSpec[] } {
    const { max } = this.options;
    let wanted: KindSpec[];
    if (this.options.watch === 'all') {
      wanted = managed;
    } else {
      const rank = new Map(this.wantedOrder.map((id, i) => [id, i]));
      wanted = managed
        .filter(spec => rank.has(groupKind(spec.group, spec.kind)))
        .sort(
          (a, b) =>
            rank.get(groupKind(a.group, a.kind))! -
            rank.get(groupKind(b.group, b.kind))!,
        );
    }
    const watch = wanted.slice(0, max);
    const capped = wanted.slice(max);
    const attributes = { cluster: this.options.cluster };
    managedWatchesWanted.add(watch.length - this.watching, attributes);
    managedWatchesOverCap.add(capped.length - this.overCap, attributes);
    this.watching = watch.length;
    this.overCap = capped.length;
    return { watch, capped };
  }

  /** Whether anything watched refers to the kind now. */
  references(group: string, kind: string): boolean {
    return this.wantedOrder.includes(groupKind(group, kind));
  }

  /** The watcher stopped: its share of the gauges goes. */
  close() {
    const attributes = { cluster: this.options.cluster };
    managedWatchesWanted.add(-this.watching, attributes);
    managedWatchesOverCap.add(-this.overCap, attributes);
    this.watching = 0;
    this.overCap = 0;
  }

  private observer(
    source: string,
    read: (obj: Record<string, any>) => {
      kinds: string[];
      composition?: string;
    },
  ): RawObserver {
    const prefix = `${source}|`;
    const set = (obj: Record<string, unknown>) => {
      const { kinds, composition } = read(obj);
      this.setReferences(`${prefix}${objectName(obj)}`, kinds, composition);
    };
    return {
      replaced: objects =>
        this.changing(() => {
          for (const id of [...this.direct.keys(), ...this.uses.keys()]) {
            if (id.startsWith(prefix)) this.setReferences(id, []);
          }
          for (const obj of objects) set(obj);
        }),
      upserted: obj => this.changing(() => set(obj)),
      deleted: obj =>
        this.changing(() =>
          this.setReferences(`${prefix}${objectName(obj)}`, []),
        ),
    };
  }

  /** Replaces what one object refers to, keeping the reference counts (no scan of every object per event). */
  private setReferences(id: string, kinds: string[], composition?: string) {
    for (const kind of this.direct.get(id) ?? [])
      count(this.kindRefs, kind, -1);
    const unique = [...new Set(kinds)];
    for (const kind of unique) count(this.kindRefs, kind, 1);
    if (unique.length > 0) this.direct.set(id, unique);
    else this.direct.delete(id);
    const used = this.uses.get(id);
    if (used) count(this.compositionRefs, used, -1);
    if (composition) {
      count(this.compositionRefs, composition, 1);
      this.uses.set(id, composition);
    } else this.uses.delete(id);
  }

  private setComposition(obj: Record<string, unknown>) {
    const name = objectName(obj).replace(/^\//, '');
    const kinds = compositionKinds(obj as Record<string, any>);
    if (kinds.length > 0) this.compositions.set(name, kinds);
    else this.compositions.delete(name);
  }

  /** Every kind wanted now: named directly, or composed by a Composition in use. */
  private wanted(): Set<string> {
    const out = new Set(this.kindRefs.keys());
    for (const composition of this.compositionRefs.keys()) {
      for (const kind of this.compositions.get(composition) ?? []) {
        out.add(kind);
      }
    }
    return out;
  }

  /** Applies a change; discovery runs again only when the set of wanted kinds changed. */
  private changing(change: () => void) {
    change();
    const now = this.wanted();
    const kept = this.wantedOrder.filter(id => now.has(id));
    const known = new Set(kept);
    const added = [...now].filter(id => !known.has(id)).sort();
    if (added.length === 0 && kept.length === this.wantedOrder.length) return;
    this.wantedOrder = [...kept, ...added];
    this.options.onChange();
  }
}
