import {
  WATCHED_KINDS,
  XRD_GROUP,
  XRD_KIND,
} from '@gitops-portal/plugin-gitops-common';

/** A kind the reconciler wants to watch, before discovery says whether it exists. */
export interface KindSpec {
  group: string;
  kind: string;
  plural: string;
  crossplaneRole?: 'claim' | 'composite' | 'managed';
  /** The CRD's versions, preferred first, when known (XRD-derived kinds). */
  versions?: string[];
}

/** A kind discovery found, with the version to read it at. */
export interface ResolvedKind extends KindSpec {
  version: string;
}

/** Identifies a kind's objects in one cluster (cache partition, state row). */
export const kindId = (
  cluster: string,
  spec: { group: string; kind: string },
) => `${cluster}|${spec.group}|${spec.kind}`;

/** `group/Kind`, the identity of a kind across versions (what Applications' reports and demand count). */
export const groupKind = (group: string, kind: string) => `${group}/${kind}`;

export const apiVersionOf = (kind: ResolvedKind) =>
  kind.group ? `${kind.group}/${kind.version}` : kind.version;

export const collectionPath = (kind: ResolvedKind) =>
  kind.group
    ? `/apis/${kind.group}/${kind.version}/${kind.plural}`
    : `/api/${kind.version}/${kind.plural}`;

/**
 * The kinds every cluster is asked for: the kinds gitops-common's registry (`WATCHED_KINDS`, one line per kind next
 * to its normaliser) says to watch cluster-wide, and Crossplane's XRDs, whose claims, composites and managed
 * resources are found at run time (`kindsFromXrd`, the CRDs' `managed` category). Kinds the registry reads only for
 * the objects an Application manages (core workloads) are not watched.
 */
export const STATIC_KINDS: KindSpec[] = [
  ...WATCHED_KINDS.filter(entry => entry.watch === 'always').map(
    ({ group, kind, plural }) => ({ group, kind, plural }),
  ),
  { group: XRD_GROUP, kind: XRD_KIND, plural: 'compositeresourcedefinitions' },
];

/**
 * The registry's `managed` kinds (core workloads): watched in a cluster only while an Argo CD Application there
 * reports objects of the kind, and only those objects cached.
 */
export const APPLICATION_MANAGED_KINDS: KindSpec[] = WATCHED_KINDS.filter(
  entry => entry.watch === 'managed',
).map(({ group, kind, plural }) => ({ group, kind, plural }));

/**
 * Crossplane's Compositions: read (not cached) for the managed resource kinds they compose, so the kinds a claim's
 * Composition will create are watched before its resources exist.
 */
export const COMPOSITION_KIND: KindSpec = {
  group: XRD_GROUP,
  kind: 'Composition',
  plural: 'compositions',
};

const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The claim and composite kinds one XRD defines (`spec.claimNames`, `spec.names`). */
export function kindsFromXrd(xrd: unknown): KindSpec[] {
  const spec = (xrd as { spec?: Record<string, any> } | undefined)?.spec;
  const group = text(spec?.group);
  if (!spec || !group) return [];
  const versions = Array.isArray(spec.versions)
    ? spec.versions
        .filter((v: any) => v?.served !== false && text(v?.name))
        .sort(
          (a: any, b: any) =>
            Number(b?.referenceable === true) -
            Number(a?.referenceable === true),
        )
        .map((v: any) => v.name as string)
    : undefined;
  const out: KindSpec[] = [];
  const names = spec.names;
  if (text(names?.kind) && text(names?.plural)) {
    out.push({
      group,
      kind: names.kind,
      plural: names.plural,
      crossplaneRole: 'composite',
      versions,
    });
  }
  const claimNames = spec.claimNames;
  if (text(claimNames?.kind) && text(claimNames?.plural)) {
    out.push({
      group,
      kind: claimNames.kind,
      plural: claimNames.plural,
      crossplaneRole: 'claim',
      versions,
    });
  }
  return out;
}
