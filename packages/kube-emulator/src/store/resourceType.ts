/** One servable resource (built-in or from a CRD), across all the versions it is served in. */
export interface ResourceType {
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  statusSubresource: boolean;
  /** Built-ins list items without apiVersion/kind, like kube-apiserver does for typed lists. */
  builtin: boolean;
  /** DELETE answers with the object (true) or a Status Success (false), per resource like the real server. */
  returnsDeletedObject: boolean;
  /** Extra field-selector paths besides metadata.name / metadata.namespace. */
  fieldSelectors: string[];
}

/** Storage is shared across versions of one resource, keyed by group and plural. */
export function storageKey(rt: { group: string; plural: string }): string {
  return `${rt.group}/${rt.plural}`;
}

export function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

export function splitApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

const VERSION_PATTERN = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Kubernetes version priority: GA > beta > alpha, higher numbers first; others sort last by name. */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = VERSION_PATTERN.exec(v);
    if (!m) return [0, 0, 0];
    const stability = { alpha: 1, beta: 2 }[m[2] as 'alpha' | 'beta'] ?? 3;
    return [stability, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) {
    if (ra[i] !== rb[i]) return rb[i] - ra[i];
  }
  return a.localeCompare(b);
}
