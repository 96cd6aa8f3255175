import { KindSpec } from './kinds';
import { RawObserver } from './types';

/** The CRD kind the watcher lists and watches to learn when discovery must be re-read. */
export const CRD_KIND = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
};

/** Crossplane's convention: every managed resource CRD is in the `managed` category. */
const MANAGED_CATEGORY = 'managed';

/** What the watcher keeps of one CRD: only the fields discovery and kind selection depend on. */
interface CrdSummary {
  group: string;
  kind: string;
  plural: string;
  /** Served versions, storage version first. */
  versions: string[];
  managed: boolean;
  /** Changes of any of these fields change what discovery answers. */
  fingerprint: string;
}

const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

function summarize(obj: Record<string, unknown>): CrdSummary | undefined {
  const spec = obj.spec as Record<string, any> | undefined;
  const group = text(spec?.group);
  const kind = text(spec?.names?.kind);
  const plural = text(spec?.names?.plural);
  if (!group || !kind || !plural) return undefined;
  const versions = (Array.isArray(spec?.versions) ? spec!.versions : [])
    .filter((v: any) => v?.served !== false && text(v?.name))
    .sort(
      (a: any, b: any) =>
        Number(b?.storage === true) - Number(a?.storage === true),
    )
    .map((v: any) => v.name as string);
  const categories: unknown[] = Array.isArray(spec?.names?.categories)
    ? spec!.names.categories
    : [];
  const conditions = (obj.status as any)?.conditions;
  const established = Array.isArray(conditions)
    ? conditions.find((c: any) => c?.type === 'Established')?.status
    : undefined;
  const managed = categories.includes(MANAGED_CATEGORY);
  return {
    group,
    kind,
    plural,
    versions,
    managed,
    fingerprint: [
      group,
      kind,
      plural,
      versions.join(','),
      managed,
      established,
    ].join('|'),
  };
}

const nameOf = (obj: Record<string, unknown>) =>
  String((obj.metadata as { name?: unknown } | undefined)?.name ?? '');

/**
 * The cluster's CRDs, reduced to what matters for discovery, fed by the CRD
 * watch. `onChange` fires only when a CRD that could change discovery's answer
 * was added, changed or removed (not on status-only or annotation churn).
 */
export class CrdIndex {
  private readonly crds = new Map<string, CrdSummary>();
  private listed = false;

  constructor(private readonly onChange: () => void) {}

  /** Whether a full CRD list has been seen (the index is complete). */
  get complete() {
    return this.listed;
  }

  /** Managed resource kinds (Crossplane `managed` category), as specs to discover. */
  managedKinds(): KindSpec[] {
    return [...this.crds.values()]
      .filter(crd => crd.managed && crd.versions.length > 0)
      .map(crd => ({
        group: crd.group,
        kind: crd.kind,
        plural: crd.plural,
        crossplaneRole: 'managed' as const,
        versions: crd.versions,
      }));
  }

  readonly observer: RawObserver = {
    replaced: objects => {
      const before = this.fingerprint();
      this.crds.clear();
      for (const obj of objects) this.set(obj);
      const wasListed = this.listed;
      this.listed = true;
      // A relist (after 410 or a reconnect) only matters when something changed.
      if (!wasListed || before !== this.fingerprint()) this.onChange();
    },
    upserted: obj => {
      const before = this.crds.get(nameOf(obj))?.fingerprint;
      this.set(obj);
      if (this.crds.get(nameOf(obj))?.fingerprint !== before) this.onChange();
    },
    deleted: obj => {
      if (this.crds.delete(nameOf(obj))) this.onChange();
    },
  };

  private set(obj: Record<string, unknown>) {
    const summary = summarize(obj);
    if (summary) this.crds.set(nameOf(obj), summary);
    else this.crds.delete(nameOf(obj));
  }

  private fingerprint() {
    return [...this.crds.entries()]
      .map(([name, crd]) => `${name}=${crd.fingerprint}`)
      .sort()
      .join('\n');
  }
}
