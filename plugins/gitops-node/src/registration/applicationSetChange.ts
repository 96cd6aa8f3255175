import { InputError } from '@backstage/errors';
import { Document, isMap, isSeq, stringify, YAMLSeq } from 'yaml';
import { parseYamlDocuments } from '../changes/editYaml';
import { ConfigRepoChange } from '../changes/types';
import {
  applicationSetParams,
  assertTemplateKeys,
} from './applicationSetFiles';
import { globMatches } from './glob';
import { ApplicationSetPoint, RegistrationRequest } from './types';

/** The first git `directories` list of the generators, also inside matrix and merge generators. */
function gitDirectories(list: unknown): YAMLSeq | undefined {
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
}

/** The file's documents as text again, with `directories` entries for `paths` added to the set's git generator. */
function withDirectories(
  docs: Document[],
  set: Document | undefined,
  point: ApplicationSetPoint,
  paths: string[],
): string {
  const directories = gitDirectories(set?.getIn(['spec', 'generators']));
  if (!set || !directories) {
    throw new InputError(
      `${point.file}: ApplicationSet ${point.target} has no git directories generator`,
    );
  }
  for (const path of paths) directories.add(set.createNode({ path }));
  return docs.map(d => d.toString({ lineWidth: 0 })).join('');
}

/** The `exclude: true` directory globs of the ApplicationSet (discovery keeps only the included ones). */
function excludedGlobs(generators: unknown): string[] {
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
  visit(generators);
  return found;
}

/**
 * The change that lets the ApplicationSet generate the Applications of `request.options.environments`: a config
 * file per environment (files generator), or `directories` entries for the overlays no glob matches. The set's
 * file is read from `files` when this change already edits it (two environments' sets in one file).
 */
export async function applicationSetChange(
  request: RegistrationRequest,
  point: ApplicationSetPoint,
  files: Record<string, string | null>,
): Promise<ConfigRepoChange> {
  const { options } = request;
  if ((options.packaging ?? 'kustomize') !== 'kustomize') {
    throw new InputError(
      'registration.mode applicationSet generates Applications from the overlay folders: it needs packaging kustomize',
    );
  }
  const text = files[point.file] ?? (await request.readFile(point.file));
  if (typeof text !== 'string') {
    throw new InputError(`${point.file} is no longer in the config repo`);
  }
  // Parsed once: the template's parameters, the excluded globs and the edit all read these documents.
  const docs = parseYamlDocuments(point.file, text);
  const set = docs.find(
    doc =>
      doc.getIn(['kind']) === 'ApplicationSet' &&
      doc.getIn(['metadata', 'name']) === point.target,
  );
  const json = set?.toJSON();
  if (point.generator === 'files') {
    assertTemplateKeys(stringify(json?.spec?.template ?? {}), point.target);
    Object.assign(files, applicationSetParams(options, point));
    return { files };
  }
  const excludes = excludedGlobs(json?.spec?.generators);
  const dirs = options.environments.map(
    env => `apps/${options.name}/overlays/${env.name}`,
  );
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
    files[point.file] = withDirectories(docs, set, point, missing);
  }
  return { files };
}
