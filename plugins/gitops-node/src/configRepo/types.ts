/**
 * A GitHub repository holding GitOps config: the one way every reader and writer names it. A type, not an
 * interface, so it spreads into Octokit's request parameters.
 *
 * @public
 */
export type ConfigRepoId = {
  owner: string;
  repo: string;
};

/**
 * Where `gitops.configRepo` points: the repository, its GitHub host and the base branch of pull requests.
 *
 * @public
 */
export interface ConfigRepoLocation extends ConfigRepoId {
  /** A host of `integrations.github`, e.g. `github.com`. */
  host: string;
  /** Default `main`. */
  branch: string;
}

/**
 * One entry of a commit's tree, as the Git Data API lists it.
 *
 * @public
 */
export interface ConfigRepoTreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

/**
 * A commit's whole tree: its own sha and every entry below it.
 *
 * @public
 */
export interface ConfigRepoTree {
  sha: string;
  entries: ConfigRepoTreeEntry[];
}

/**
 * A commit, with the first line of its message.
 *
 * @public
 */
export interface ConfigRepoCommit {
  sha: string;
  message: string;
  parentSha?: string;
}

/**
 * A service's files in the config repo at one ref.
 *
 * @public
 */
export interface ServiceFiles {
  /** Every file under `apps/<service>/`. */
  files: ConfigRepoTreeEntry[];
  /**
   * Its registrations under `clusters/`: `<service>.yaml` (Argo CD Applications, Flux Kustomizations,
   * namespaces), `<service>-appset.yaml` and `<service>-previews.yaml` (its preview environments).
   */
  registrations: string[];
}

/**
 * Reads the config repo at a ref (a branch, tag or commit sha); never writes. Every scaffolder action and backend
 * service that looks at the repo goes through one of these, so the GitHub calls (and their 404 handling) live in
 * one place.
 *
 * @public
 */
export interface ConfigRepoReader {
  readonly id: ConfigRepoId;
  /** A file's text (UTF-8), or undefined when the ref has no file at `path`. */
  readFile(path: string, ref: string): Promise<string | undefined>;
  /** The whole tree of `ref` in one call; throws when GitHub truncates it (the repo is too large to list). */
  readTree(ref: string): Promise<ConfigRepoTree>;
  /** The files (blobs) under `dir` at `ref`. */
  listFiles(dir: string, ref: string): Promise<ConfigRepoTreeEntry[]>;
  /** The service's folder and its cluster registrations at `ref`. */
  serviceFiles(service: string, ref: string): Promise<ServiceFiles>;
  /** A blob's text (UTF-8), read once per sha. */
  readBlob(sha: string): Promise<string>;
  /** The newest commit of `ref` that touches `path`, or undefined when none does. */
  lastCommitTouching(
    path: string,
    ref: string,
  ): Promise<ConfigRepoCommit | undefined>;
  /**
   * Where `head` stands against `base` (`ahead`: head contains base), with base's commit; undefined when either
   * is no commit of this repo (GitHub answers 404 or 422).
   */
  compare(
    base: string,
    head: string,
  ): Promise<{ status: string; base: ConfigRepoCommit } | undefined>;
}
