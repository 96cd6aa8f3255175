import {
  IgnoreDifference,
  LiveDiffResponse,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';

/**
 * Compares what the config repo says an Argo CD Application or Flux Kustomization should apply (rendered at its
 * synced revision) with what its cluster runs (read with the portal's read-only credentials), per resource.
 */
export interface LiveDiffService {
  /** The diff of one Application or Kustomization of the status store. */
  diff(object: ObjectStatus): Promise<LiveDiffResponse>;
}

/** A Kubernetes object as JSON. */
export type Manifest = Record<string, any>;

/** One resource by group, kind, namespace and name; `version` where known (for the read). */
export interface ResourceId {
  /** '' for the core group. */
  group: string;
  version?: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** What the manager (Application or Kustomization) says about where its desired state comes from. */
export interface DesiredSource {
  /** The repository URL as the manager names it (Argo CD `repoURL`, Flux GitRepository `spec.url`). */
  repoUrl: string;
  /** Repo-relative directory, without `./`; `.` for the root. */
  path: string;
  /** A commit SHA when the manager reports one, else the branch or tag it tracks. */
  revision: string;
  /** Argo CD Helm source settings; absent for Flux and non-Helm sources. */
  helm?: { releaseName: string; valueFiles: string[] };
  /** Namespace for namespaced objects without one (Argo CD `destination.namespace`). */
  defaultNamespace?: string;
  /** Namespace every namespaced object gets (Flux `spec.targetNamespace`). */
  forcedNamespace?: string;
}

/** The manager's view of its resources, read from its live object. */
export interface ManagerState {
  /** Undefined (with `reason`) when the desired state cannot be rendered from the config repo. */
  source?: DesiredSource;
  reason?: string;
  /** Argo CD `status.resources`, Flux `status.inventory`. */
  resources: ResourceId[];
  ignoreDifferences: IgnoreDifference[];
}
