import type { Document } from 'yaml';

/**
 * The ways an estate pins what version an environment runs.
 *
 * @public
 */
export type PinFormName =
  | 'kustomize-image'
  | 'manifest-image'
  | 'helm-values'
  | 'helmrelease-chart'
  | 'flux-source-ref'
  | 'argocd-helm-revision'
  | 'argocd-helm-parameter'
  | 'argocd-kustomize-image'
  | 'config-key';

/**
 * One place a file pins a version: what it is (`key`, the same in every environment's copy), where it is, and
 * the values a promotion copies (`undefined` removes the key, e.g. a tag when the digest is promoted).
 *
 * @public
 */
export interface VersionPin {
  form: PinFormName;
  /** Identity across environments, e.g. `kustomize-image:ghcr.io/acme/web` or `helmrelease-chart:podinfo`. */
  key: string;
  /** The file, relative to the repo root. */
  path: string;
  /** Where in the file, for messages and PR bodies (e.g. `spec.chart.spec.version`). */
  label: string;
  /** Where the pinning node sits below its form's root (Helm values: the path inside the values). */
  relative?: Array<string | number>;
  /** The keys copied, relative to the pinning node. */
  fields: Record<string, string | undefined>;
  /** The printable version (digest before tag), also what `version` filters match. */
  version: string;
}

/** One way of pinning a version: how to find its pins in a document and write one into another document. */
export interface PinForm {
  name: PinFormName;
  find(doc: Document, path: string): VersionPin[];
  /**
   * Writes `pin` (found in another environment's file) into `doc`. With `create`, the form may add the place
   * where the document has none (the file is the same role in the target environment). Returns whether it wrote.
   */
  write(doc: Document, pin: VersionPin, create: boolean): boolean;
}
