/** A Kubernetes object as parsed from YAML. */
export type ManifestObject = Record<string, any>;

/** The rules `validateConfigRepoChange` applies. `schema` and `render` are not policy but block the change the same way. */
export type ValidationRule =
  | 'render'
  | 'schema'
  | 'resources-limits'
  | 'immutable-image-tag'
  | 'no-plaintext-secret'
  | 'team-env-labels'
  | 'dns1123-names';

export interface Violation {
  /** The repo file the object comes from (or the overlay's kustomization.yaml when unknown). */
  file: string;
  /** `Kind/name` of the object, or '' for a file-level problem. */
  object: string;
  rule: ValidationRule;
  message: string;
}

/** What validation found for one rendered overlay or one plain manifest file. */
export interface ValidatedTarget {
  /** The overlay directory, the manifest file, or `<chart dir> (<values files>)` of a Helm release. */
  path: string;
  kind: 'overlay' | 'manifest' | 'helm';
  /** How many objects it renders to. */
  objects: number;
  violations: Violation[];
}

export interface ValidationResult {
  ok: boolean;
  overlays: ValidatedTarget[];
  manifests: ValidatedTarget[];
  /** Every violation of every target, in order. */
  violations: Violation[];
  /** What could not be checked and why (e.g. a remote Helm chart that was not fetched). */
  notes?: string[];
}
