import { posix } from 'node:path';
import {
  ARGOCD_IN_CLUSTER_SERVER,
  type RegistrationPoint,
} from '@gitops-portal/plugin-gitops-common';
import { BLOB_READS_IN_FLIGHT } from '../changes/baseSnapshot';
import { ConfigRepoId, ConfigRepoReader } from '../configRepo/types';
import { mapLimit } from '../lib/mapLimit';
import { parseManifests } from '../validation/objects';
import { ManifestObject } from '../validation/types';
import {
  destinationEnvironment,
  EnvironmentHints,
  pathEnvironment,
  shared,
} from './environmentHints';

/** One YAML file of the config repo, read only when discovery needs its text. */
export interface RepoYamlFile {
  path: string;
  read(): Promise<string>;
}

const isYaml = (path: string) => /\.ya?ml$/.test(path);
const isArgo = (object: ManifestObject, kind: string) =>
  object?.kind === kind &&
  typeof object?.apiVersion === 'string' &&
  object.apiVersion.startsWith('argoproj.io/');

/** Whether a repoURL (https, ssh or scp-like, with or without `.git`) names this repository. */
export function namesRepo(url: unknown, id: ConfigRepoId): boolean {
  if (typeof url !== 'string') return false;
  const path = url
    .trim()
    .toLowerCase()
    .replace(/\.git\/?$/, '')
    .replace(/\/+$/, '');
  return (
    path.endsWith(`/${id.owner}/${id.repo}`.toLowerCase()) ||
    path.endsWith(`:${id.owner}/${id.repo}`.toLowerCase())
  );
}

/** A source path as a folder of the repo: no `./`, no trailing `/`, `''` for the root. */
const folderOf = (path: string) =>
  posix
    .normalize(path)
    .replace(/^\.\/?$/, '')
    .replace(/\/+$/, '');

const NO_HINTS: EnvironmentHints = { environments: [], clusters: [] };

interface Found {
  path: string;
  object: ManifestObject;
}

/** Every Argo CD source of an Application: `spec.source` and `spec.sources[]`. */
function sourcesOf(app: ManifestObject): ManifestObject[] {
  const spec = app?.spec ?? {};
  return [
    spec.source,
    ...(Array.isArray(spec.sources) ? spec.sources : []),
  ].filter(source => source && typeof source === 'object');
}

const destinationOf = (app: ManifestObject) => app?.spec?.destination;

/**
 * The environment an app-of-apps folder serves: the root app's destination cluster, else the one the folder's
 * Applications share, else an environment or cluster name in the folder's path.
 */
function folderEnvironment(
  root: ManifestObject,
  children: ManifestObject[],
  folder: string,
  hints: EnvironmentHints,
): string | undefined {
  return (
    destinationEnvironment(destinationOf(root), hints) ??
    shared(
      children.map(child =>
        destinationEnvironment(destinationOf(child), hints),
      ),
    ) ??
    pathEnvironment([folder], hints)
  );
}

/** The remote server every Application of the folder deploys to; none when they differ or deploy in-cluster. */
function folderServer(children: ManifestObject[]): string | undefined {
  const server = shared(
    children.map(child => destinationOf(child)?.server as string | undefined),
  );
  return server && server !== ARGOCD_IN_CLUSTER_SERVER ? server : undefined;
}

function appOfAppsPoints(
  applications: Found[],
  paths: Set<string>,
  id: ConfigRepoId,
  hints: EnvironmentHints,
): RegistrationPoint[] {
  const points = new Map<string, RegistrationPoint>();
  for (const root of applications) {
    for (const source of sourcesOf(root.object)) {
      if (typeof source.path !== 'string' || !namesRepo(source.repoURL, id)) {
        continue;
      }
      const folder = folderOf(source.path);
      const recurse = source.directory?.recurse === true;
      const inFolder = (path: string) => {
        const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
        return recurse
          ? folder === '' || dir === folder || dir.startsWith(`${folder}/`)
          : dir === folder;
      };
      const children = applications.filter(
        app => app !== root && inFolder(app.path),
      );
      if (children.length === 0 || points.has(folder)) continue;
      const kustomization = `${folder ? `${folder}/` : ''}kustomization.yaml`;
      const childObjects = children.map(child => child.object);
      const environment = folderEnvironment(
        root.object,
        childObjects,
        folder,
        hints,
      );
      const server = folderServer(childObjects);
      points.set(folder, {
        mode: 'appOfApps',
        target: folder,
        parent: String(root.object.metadata?.name ?? ''),
        file: root.path,
        kustomization: paths.has(kustomization),
        applications: children.map(app => String(app.object.metadata?.name)),
        ...(environment ? { environment } : {}),
        ...(server ? { server } : {}),
      });
    }
  }
  return [...points.values()];
}

/**
 * The git generators of an ApplicationSet, also inside matrix and merge generators.
 *
 * @public
 */
export function gitGenerators(generators: unknown): ManifestObject[] {
  if (!Array.isArray(generators)) return [];
  return generators.flatMap((generator: ManifestObject) => [
    ...(generator?.git ? [generator.git] : []),
    ...gitGenerators(generator?.matrix?.generators),
    ...gitGenerators(generator?.merge?.generators),
  ]);
}

/**
 * The environment an ApplicationSet serves: its template's destination cluster, else an environment or cluster
 * name in its file's path, else in its generator's paths.
 */
function applicationSetEnvironment(
  set: Found,
  globs: string[],
  hints: EnvironmentHints,
): string | undefined {
  return (
    destinationEnvironment(
      set.object.spec?.template?.spec?.destination,
      hints,
    ) ??
    pathEnvironment([posix.dirname(set.path)], hints) ??
    pathEnvironment(globs, hints)
  );
}

function applicationSetPoint(
  set: Found,
  id: ConfigRepoId,
  hints: EnvironmentHints,
): RegistrationPoint | undefined {
  const withEnvironment = (point: RegistrationPoint): RegistrationPoint => {
    if (point.mode !== 'applicationSet') return point;
    const environment = applicationSetEnvironment(set, point.paths, hints);
    return environment ? { ...point, environment } : point;
  };
  for (const git of gitGenerators(set.object.spec?.generators)) {
    if (!namesRepo(git.repoURL, id)) continue;
    const pathsOf = (entries: unknown, keep: (e: ManifestObject) => boolean) =>
      (Array.isArray(entries) ? entries : [])
        .filter(entry => typeof entry?.path === 'string' && keep(entry))
        .map(entry => String(entry.path));
    const directories = pathsOf(git.directories, e => e.exclude !== true);
    if (directories.length > 0) {
      return withEnvironment({
        mode: 'applicationSet',
        target: String(set.object.metadata?.name),
        file: set.path,
        generator: 'directories',
        paths: directories,
      });
    }
    const files = pathsOf(git.files, () => true);
    if (files.length > 0) {
      return withEnvironment({
        mode: 'applicationSet',
        target: String(set.object.metadata?.name),
        file: set.path,
        generator: 'files',
        paths: files,
      });
    }
  }
  return undefined;
}

/**
 * The app-of-apps folders and ApplicationSets with git generators of a config repo, from its YAML files: a folder
 * counts when an Application of this repo points its source path at it and it holds at least one Application
 * manifest; an ApplicationSet counts when a git generator (also inside a matrix or merge generator) reads this
 * repo. Files that are not YAML manifests (Helm templates, broken YAML) are passed over. With `hints`, each point
 * carries the environment it serves when discovery can tell (`registrationPointSchema`).
 */
export async function discoverRegistrationPointsInFiles(
  files: RepoYamlFile[],
  id: ConfigRepoId,
  hints: EnvironmentHints = NO_HINTS,
): Promise<RegistrationPoint[]> {
  const applications: Found[] = [];
  const sets: Found[] = [];
  const texts = await mapLimit(
    files.filter(file => isYaml(file.path)),
    BLOB_READS_IN_FLIGHT,
    async file => ({ path: file.path, text: await file.read() }),
  );
  for (const { path, text } of texts) {
    // Cheap test first: most files of a config repo hold no Argo CD object.
    if (!text.includes('argoproj.io/')) continue;
    let objects: ManifestObject[];
    try {
      objects = parseManifests(text);
    } catch {
      continue;
    }
    for (const object of objects) {
      if (isArgo(object, 'Application')) applications.push({ path, object });
      if (isArgo(object, 'ApplicationSet')) sets.push({ path, object });
    }
  }
  const paths = new Set(files.map(file => file.path));
  // Sorted, so the form lists them the same way whatever order the tree gives.
  const byTarget = (a: RegistrationPoint, b: RegistrationPoint) =>
    a.target.localeCompare(b.target);
  return [
    ...appOfAppsPoints(applications, paths, id, hints).sort(byTarget),
    ...sets
      .flatMap(set => applicationSetPoint(set, id, hints) ?? [])
      .sort(byTarget),
  ];
}

/** The registration points of the config repo at `ref`, through the one config-repo reader. */
export async function discoverRegistrationPoints(
  reader: ConfigRepoReader,
  ref: string,
  hints?: EnvironmentHints,
): Promise<RegistrationPoint[]> {
  const { entries } = await reader.readTree(ref);
  const files = entries
    .filter(entry => entry.type === 'blob')
    .map(entry => ({
      path: entry.path,
      read: () => reader.readBlob(entry.sha),
    }));
  return discoverRegistrationPointsInFiles(files, reader.id, hints);
}
