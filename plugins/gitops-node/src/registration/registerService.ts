import { InputError } from '@backstage/errors';
import type {
  RegistrationPoint,
  ServiceRegistration,
} from '@gitops-portal/plugin-gitops-common';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  stringify,
  YAMLSeq,
} from 'yaml';
import { ConfigRepoChange, YamlEdit } from '../changes/types';
import { NewServiceManifestOptions } from '../manifests/types';
import {
  applicationSetParams,
  assertTemplateKeys,
} from './applicationSetFiles';
import { globMatches } from './glob';

/** What registering a generated service needs besides its files. */
export interface RegistrationRequest {
  options: NewServiceManifestOptions;
  /** `generateServiceManifests`' files (standalone Applications included). */
  files: Record<string, string>;
  registration: ServiceRegistration;
  /** What discovery found on the base branch. */
  points: RegistrationPoint[];
  /** A file of the base branch (the ApplicationSet's), or undefined. */
  readFile(path: string): Promise<string | undefined>;
}

/** The standalone Application files `argoApplicationFiles` writes, one per environment. */
const standalonePaths = (options: NewServiceManifestOptions) =>
  options.environments.map(
    env => `clusters/${env.name}/argocd/${options.name}.yaml`,
  );

const overlayDir = (options: NewServiceManifestOptions, env: string) =>
  `apps/${options.name}/overlays/${env}`;

function findPoint(request: RegistrationRequest): RegistrationPoint {
  const { registration, points } = request;
  if (registration.mode === 'standalone') throw new Error('unreachable');
  const point = points.find(
    p => p.mode === registration.mode && p.target === registration.target,
  );
  if (!point) {
    const found = points
      .filter(p => p.mode === registration.mode)
      .map(p => p.target || '(repo root)');
    throw new InputError(
      `registration.target "${registration.target}" is not ${
        registration.mode === 'appOfApps'
          ? 'an app-of-apps folder'
          : 'an ApplicationSet with a git generator'
      } of the config repo (found: ${found.join(', ') || 'none'})`,
    );
  }
  return point;
}

function assertArgoApplications(request: RegistrationRequest): void {
  const { delivery } = request.options;
  if (delivery.engine !== 'argocd' || delivery.mode === 'applicationset') {
    throw new InputError(
      `registration.mode ${request.registration.mode} replaces the service's Argo CD Applications: it needs engine argocd and argocdMode application`,
    );
  }
}

/** A kustomization.yaml edit adding `entry` to `resources` unless it is there. */
export function addKustomizationResource(
  path: string,
  entry: string,
): YamlEdit {
  return {
    path,
    edit: doc => {
      if (!doc.has('resources')) doc.set('resources', doc.createNode([]));
      const resources = doc.get('resources');
      if (!isSeq(resources)) {
        throw new InputError(`${path}: resources is not a list`);
      }
      const listed = resources.items.some(
        item => String(isScalar(item) ? item.value : item) === entry,
      );
      if (!listed) resources.add(entry);
    },
  };
}

function appOfAppsChange(
  request: RegistrationRequest,
  point: Extract<RegistrationPoint, { mode: 'appOfApps' }>,
  files: Record<string, string>,
): ConfigRepoChange {
  const { options } = request;
  const taken = options.environments
    .map(env => `${options.name}-${env.name}`)
    .filter(name => point.applications.includes(name));
  if (taken.length > 0) {
    throw new InputError(
      `registration.target ${
        point.target
      } already holds the Application(s) ${taken.join(', ')}`,
    );
  }
  const applications = standalonePaths(options).map(
    path => request.files[path],
  );
  const file = `${options.name}.yaml`;
  // One file with every environment's Application: the root app applies them all (Argo CD reads multi-document
  // YAML in a directory source), and the service's files stay one add / one delete.
  files[point.target ? `${point.target}/${file}` : file] =
    applications.join('---\n');
  return {
    files,
    yamlEdits: point.kustomization
      ? [
          addKustomizationResource(
            point.target
              ? `${point.target}/kustomization.yaml`
              : 'kustomization.yaml',
            file,
          ),
        ]
      : [],
  };
}

/** The ApplicationSet's text with `directories` entries for `paths` added to its matching git generator. */
function withDirectories(
  text: string,
  point: RegistrationPoint,
  paths: string[],
): string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some(doc => doc.errors.length > 0)) {
    throw new InputError(`${point.file} is not valid YAML`);
  }
  const doc = docs.find(
    d =>
      d.getIn(['kind']) === 'ApplicationSet' &&
      d.getIn(['metadata', 'name']) === point.target,
  );
  const generators = doc?.getIn(['spec', 'generators']);
  const gitDirectories = (list: unknown): YAMLSeq | undefined => {
    if (!isSeq(list)) return undefined;
    for (const generator of list.items) {
      if (!isMap(generator)) continue;
      const dirs = generator.getIn(['git', 'directories']);
      if (isSeq(dirs)) return dirs;
      const nested =
        gitDirectories(generator.getIn(['matrix', 'generators'])) ??
        gitDirectories(generator.getIn(['merge', 'generators']));
      if (nested) return nested;
    }
    return undefined;
  };
  const directories = gitDirectories(generators);
  if (!doc || !directories) {
    throw new InputError(
      `${point.file}: ApplicationSet ${point.target} has no git directories generator`,
    );
  }
  for (const path of paths) directories.add(doc.createNode({ path }));
  return docs.map(d => d.toString({ lineWidth: 0 })).join('');
}

async function applicationSetChange(
  request: RegistrationRequest,
  point: Extract<RegistrationPoint, { mode: 'applicationSet' }>,
  files: Record<string, string>,
): Promise<ConfigRepoChange> {
  const { options } = request;
  if ((options.packaging ?? 'kustomize') !== 'kustomize') {
    throw new InputError(
      'registration.mode applicationSet generates Applications from the overlay folders: it needs packaging kustomize',
    );
  }
  const text = await request.readFile(point.file);
  if (text === undefined) {
    throw new InputError(`${point.file} is no longer in the config repo`);
  }
  if (point.generator === 'files') {
    assertTemplateKeys(templateOf(text, point), point.target);
    Object.assign(files, applicationSetParams(options, point));
    return { files };
  }
  const excludes = excludedGlobs(text, point);
  const dirs = options.environments.map(env => overlayDir(options, env.name));
  const excluded = dirs.filter(dir => excludes.some(g => globMatches(g, dir)));
  if (excluded.length > 0) {
    throw new InputError(
      `registration.target ${point.target} excludes ${excluded.join(', ')}`,
    );
  }
  // Folders a glob already matches are picked up as they are; the others are listed.
  const missing = dirs.filter(
    dir => !point.paths.some(glob => globMatches(glob, dir)),
  );
  if (missing.length > 0) {
    files[point.file] = withDirectories(text, point, missing);
  }
  return { files };
}

/** The ApplicationSet's `spec.template` as YAML text, for the parameters it reads. */
function templateOf(text: string, point: RegistrationPoint): string {
  const set = applicationSetJson(text, point);
  return stringify(set?.spec?.template ?? {});
}

function applicationSetJson(text: string, point: RegistrationPoint): any {
  return (parseAllDocuments(text) as Document[])
    .map(doc => doc.toJSON())
    .find(
      json =>
        json?.kind === 'ApplicationSet' &&
        json?.metadata?.name === point.target,
    );
}

/** The `exclude: true` directory globs of the ApplicationSet (discovery keeps only the included ones). */
function excludedGlobs(text: string, point: RegistrationPoint): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const entry = value as Record<string, unknown>;
      if (entry.exclude === true && typeof entry.path === 'string') {
        found.push(entry.path);
      }
      Object.values(entry).forEach(visit);
    }
  };
  visit(applicationSetJson(text, point)?.spec?.generators);
  return found;
}

/**
 * The change that adds a generated service, registered as asked: `standalone` keeps its own Applications;
 * `appOfApps` moves them into the discovered folder (and its kustomization.yaml); `applicationSet` writes no
 * Application and lets the ApplicationSet's git generator pick up the overlays (a directory entry where no glob
 * matches them) or a config file per environment. A target discovery did not find is refused (InputError naming
 * `registration.target`).
 */
export async function registerService(
  request: RegistrationRequest,
): Promise<ConfigRepoChange> {
  if (request.registration.mode === 'standalone') {
    return { files: request.files };
  }
  assertArgoApplications(request);
  const point = findPoint(request);
  const files = { ...request.files };
  for (const path of standalonePaths(request.options)) delete files[path];
  return point.mode === 'appOfApps'
    ? appOfAppsChange(request, point, files)
    : applicationSetChange(request, point, files);
}
