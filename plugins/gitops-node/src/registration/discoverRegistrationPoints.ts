import { posix } from 'node:path';
import type { RegistrationPoint } from '@gitops-portal/plugin-gitops-common';
import { ConfigRepoId, ConfigRepoReader } from '../configRepo/types';
import { parseManifests } from '../validation/objects';
import { ManifestObject } from '../validation/types';

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

function appOfAppsPoints(
  applications: Found[],
  paths: Set<string>,
  id: ConfigRepoId,
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
      points.set(folder, {
        mode: 'appOfApps',
        target: folder,
        parent: String(root.object.metadata?.name ?? ''),
        file: root.path,
        kustomization: paths.has(kustomization),
        applications: children.map(app => String(app.object.metadata?.name)),
      });
    }
  }
  return [...points.values()];
}

/** The git generators of an ApplicationSet, also inside matrix and merge generators. */
function gitGenerators(generators: unknown): ManifestObject[] {
  if (!Array.isArray(generators)) return [];
  return generators.flatMap((generator: ManifestObject) => [
    ...(generator?.git ? [generator.git] : []),
    ...gitGenerators(generator?.matrix?.generators),
    ...gitGenerators(generator?.merge?.generators),
  ]);
}

function applicationSetPoint(
  set: Found,
  id: ConfigRepoId,
): RegistrationPoint | undefined {
  for (const git of gitGenerators(set.object.spec?.generators)) {
    if (!namesRepo(git.repoURL, id)) continue;
    const pathsOf = (entries: unknown, keep: (e: ManifestObject) => boolean) =>
      (Array.isArray(entries) ? entries : [])
        .filter(entry => typeof entry?.path === 'string' && keep(entry))
        .map(entry => String(entry.path));
    const directories = pathsOf(git.directories, e => e.exclude !== true);
    if (directories.length > 0) {
      return {
        mode: 'applicationSet',
        target: String(set.object.metadata?.name),
        file: set.path,
        generator: 'directories',
        paths: directories,
      };
    }
    const files = pathsOf(git.files, () => true);
    if (files.length > 0) {
      return {
        mode: 'applicationSet',
        target: String(set.object.metadata?.name),
        file: set.path,
        generator: 'files',
        paths: files,
      };
    }
  }
  return undefined;
}

/**
 * The app-of-apps folders and ApplicationSets with git generators of a config repo, from its YAML files: a folder
 * counts when an Application of this repo points its source path at it and it holds at least one Application
 * manifest; an ApplicationSet counts when a git generator (also inside a matrix or merge generator) reads this
 * repo. Files that are not YAML manifests (Helm templates, broken YAML) are passed over.
 */
export async function discoverRegistrationPointsInFiles(
  files: RepoYamlFile[],
  id: ConfigRepoId,
): Promise<RegistrationPoint[]> {
  const applications: Found[] = [];
  const sets: Found[] = [];
  const texts = await Promise.all(
    files
      .filter(file => isYaml(file.path))
      .map(async file => ({
        path: file.path,
        text: await file.read(),
      })),
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
    ...appOfAppsPoints(applications, paths, id).sort(byTarget),
    ...sets.flatMap(set => applicationSetPoint(set, id) ?? []).sort(byTarget),
  ];
}

/** The registration points of the config repo at `ref`, through the one config-repo reader. */
export async function discoverRegistrationPoints(
  reader: ConfigRepoReader,
  ref: string,
): Promise<RegistrationPoint[]> {
  const { entries } = await reader.readTree(ref);
  const files = entries
    .filter(entry => entry.type === 'blob')
    .map(entry => ({
      path: entry.path,
      read: () => reader.readBlob(entry.sha),
    }));
  return discoverRegistrationPointsInFiles(files, reader.id);
}
