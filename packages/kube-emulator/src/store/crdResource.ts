import { KubeObject } from '../types';
import { compareVersions, ResourceType } from './resourceType';

interface CrdVersion {
  name?: string;
  served?: boolean;
  storage?: boolean;
  subresources?: { status?: unknown };
}

interface CrdSpec {
  group?: string;
  scope?: string;
  names?: {
    plural?: string;
    singular?: string;
    kind?: string;
    listKind?: string;
    shortNames?: string[];
    categories?: string[];
  };
  versions?: CrdVersion[];
}

/** Checks the fields kube-apiserver requires of a CRD; returns the first problem, like a 422 cause. */
export function validateCrd(crd: KubeObject): string | undefined {
  const spec = (crd.spec ?? {}) as CrdSpec;
  if (!spec.group) return 'spec.group: Required value';
  if (!spec.names?.plural) return 'spec.names.plural: Required value';
  if (!spec.names?.kind) return 'spec.names.kind: Required value';
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    return `spec.scope: Unsupported value: "${spec.scope}": supported values: "Cluster", "Namespaced"`;
  }
  const expected = `${spec.names.plural}.${spec.group}`;
  if (crd.metadata.name !== expected) {
    return `metadata.name: Invalid value: "${crd.metadata.name}": must be spec.names.plural+"."+spec.group`;
  }
  const versions = spec.versions ?? [];
  if (versions.length === 0)
    return 'spec.versions: Invalid value: must have exactly one version marked as storage version';
  if (versions.filter(v => v.storage).length !== 1) {
    return 'spec.versions: Invalid value: must have exactly one version marked as storage version';
  }
  if (versions.some(v => !v.name))
    return 'spec.versions[].name: Required value';
  return undefined;
}

/** The resource a (valid) CRD makes servable. */
export function crdToResourceType(crd: KubeObject): ResourceType {
  const spec = crd.spec as CrdSpec;
  const names = spec.names!;
  const kind = names.kind!;
  const versions = (spec.versions ?? [])
    .filter(v => v.served !== false)
    .map(v => v.name!)
    .sort(compareVersions);
  return {
    group: spec.group!,
    versions,
    plural: names.plural!,
    singular: names.singular || kind.toLowerCase(),
    kind,
    listKind: names.listKind || `${kind}List`,
    namespaced: spec.scope === 'Namespaced',
    shortNames: names.shortNames ?? [],
    categories: names.categories ?? [],
    statusSubresource: (spec.versions ?? []).some(
      v => v.subresources?.status !== undefined,
    ),
    builtin: false,
    returnsDeletedObject: true,
    fieldSelectors: [],
  };
}

/** The status kube-apiserver's CRD controllers write once a CRD is accepted. */
export function establishedCrdStatus(crd: KubeObject): Record<string, unknown> {
  const spec = crd.spec as CrdSpec;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const condition = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    lastTransitionTime: now,
    reason,
    message,
  });
  return {
    conditions: [
      condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      condition(
        'Established',
        'InitialNamesAccepted',
        'the initial names have been accepted',
      ),
    ],
    acceptedNames: {
      ...spec.names,
      singular: spec.names?.singular || spec.names?.kind?.toLowerCase(),
      listKind: spec.names?.listKind || `${spec.names?.kind}List`,
    },
    storedVersions: (spec.versions ?? [])
      .filter(v => v.storage)
      .map(v => v.name),
  };
}
