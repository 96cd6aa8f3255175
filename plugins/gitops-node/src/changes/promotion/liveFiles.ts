import { ConfigRepoTreeEntry } from '../../configRepo/types';

/**
 * One place of the config repo a live object names: a file, or a folder (ending in `/`), and what names it.
 *
 * @public
 */
export interface LiveLocation {
  path: string;
  /** The repository the place is in, as the object names it (absent: the configured config repo). */
  repoUrl?: string;
  /**
   * The revision the object deploys the place at, as it names it (an Argo CD source's `targetRevision`, a Flux
   * GitRepository's ref): a change is written to it when it is a branch.
   */
  revision?: string;
  /** The object and field, e.g. `Application argocd/web-staging spec.source.path (cluster staging)`. */
  origin: string;
  /**
   * For a file: the keys that hold the version (`image.tag`), when the object names them (an ApplicationSet files
   * generator's config file, read by its template's version fields); the promotion edits only those.
   */
  keys?: string[];
}

/**
 * What the live objects deploying a service in one environment say of its files: the places they name in the
 * config repo, and every object looked at (with why it named nothing, e.g. a source in another repo), for the
 * message when nothing is found.
 *
 * @public
 */
export interface LiveFiles {
  locations: LiveLocation[];
  lookedAt: string[];
  /** The one repository every location is in, when they name one (the caller reads and writes that repo). */
  repoUrl?: string;
  /** The revision the locations in `repoUrl` are deployed at, when they name one. */
  revision?: string;
}

/** One environment's files as one way of finding them gives them (before their texts are read). */
export interface FoundSide {
  entries: ConfigRepoTreeEntry[];
  /** The folder the files share, pairing them with the other environment's. */
  root?: string;
  origin: string;
  /** The keys holding the version, by file, where the live objects name them. */
  keys?: Record<string, string[]>;
}

const YAML_FILE = /\.ya?ml$/;
const VALUES_FILE = /^values[^/]*\.ya?ml$/;

/**
 * The YAML files of a folder a live object deploys: every one below it, except in a Helm chart (a `Chart.yaml`
 * at its root), where only the values files at the root are: the templates are not YAML until rendered.
 */
function folderFiles(entries: ConfigRepoTreeEntry[], folder: string) {
  const blobs = entries.filter(
    e => e.type === 'blob' && e.path.startsWith(folder),
  );
  const chart = blobs.some(e => e.path === `${folder}Chart.yaml`);
  return blobs.filter(e => {
    const rest = e.path.slice(folder.length);
    return chart ? VALUES_FILE.test(rest) : YAML_FILE.test(rest);
  });
}

/**
 * The files live objects name for one environment, read against the tree: undefined without live objects; a side
 * without files when the places they name hold none at this ref (noted in `looked`).
 */
export function liveSide(
  entries: ConfigRepoTreeEntry[],
  live: LiveFiles | undefined,
): { side?: FoundSide; looked: string[] } | undefined {
  if (!live) return undefined;
  const looked: string[] = [];
  const files = new Map<string, ConfigRepoTreeEntry>();
  const folders: string[] = [];
  const origins = new Set<string>();
  const keys: Record<string, string[]> = {};
  for (const { path, origin, keys: named } of live.locations) {
    const list = path.endsWith('/')
      ? folderFiles(entries, path)
      : entries.filter(e => e.type === 'blob' && e.path === path);
    looked.push(
      `${path} (${origin}${list.length === 0 ? ': no YAML files there' : ''})`,
    );
    if (list.length === 0) continue;
    if (path.endsWith('/')) folders.push(path);
    origins.add(origin);
    for (const entry of list) files.set(entry.path, entry);
    if (named && !path.endsWith('/')) keys[path] = named;
  }
  if (files.size === 0) return { looked };
  return {
    looked,
    side: {
      entries: [...files.values()],
      root: folders.length === 1 ? folders[0] : undefined,
      origin: `from ${[...origins].join('; ')}`,
      ...(Object.keys(keys).length > 0 ? { keys } : {}),
    },
  };
}
