import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import {
  gitGenerators,
  globMatches,
  LiveLocation,
  ManifestObject,
} from '@gitops-portal/plugin-gitops-node';
import {
  expressionsOf,
  PathValues,
  readBack,
  templateStrings,
  valueAt,
  VERSION_FIELD,
} from './applicationSetTemplate';
import { repoFolderOf } from './sourcePaths';

/**
 * What an Application's ApplicationSet says of its files: `locations` when a git files generator's config file
 * pins its version, `refusal` (what was looked at) when the portal cannot tell which file or key, neither when the
 * Application's own sources say it (a directories generator renders the folder into `spec.source.path`).
 */
export interface ApplicationSetFiles {
  locations?: LiveLocation[];
  refusal?: string;
}

/** The ApplicationSet that generated an Application (its controller owner reference), if one did. */
function generatingSet(app: ManifestObject): string | undefined {
  const owners: ManifestObject[] = app.metadata?.ownerReferences ?? [];
  const owner = owners.find(
    o =>
      o?.kind === 'ApplicationSet' &&
      String(o?.apiVersion ?? '').startsWith('argoproj.io/'),
  );
  return owner?.name;
}

const GLOB = /[*?[]/;

/** The included and excluded globs of a generator's `files` or `directories`. */
function entriesOf(list: unknown) {
  const entries = (Array.isArray(list) ? list : []).filter(
    (e): e is { path: string; exclude?: boolean } =>
      typeof e?.path === 'string',
  );
  return {
    include: entries.filter(e => e.exclude !== true).map(e => e.path),
    exclude: entries.filter(e => e.exclude === true).map(e => e.path),
  };
}

/** The file a files glob matched, from the path parameters read back; undefined when they leave a part open. */
function fileOfGlob(glob: string, values: PathValues) {
  const slash = glob.lastIndexOf('/');
  const dirGlob = slash < 0 ? '' : glob.slice(0, slash);
  const fileGlob = glob.slice(slash + 1);
  let dir = values.path;
  if (dir === undefined) {
    if (dirGlob.includes('**')) return undefined;
    const segments = dirGlob === '' ? [] : dirGlob.split('/');
    const filled = segments.map((segment, i) => {
      if (!GLOB.test(segment)) return segment;
      const basename = i === segments.length - 1 ? values.basename : undefined;
      return values.segments[i] ?? basename;
    });
    if (filled.some(s => s === undefined)) return undefined;
    dir = filled.join('/');
  }
  const file = GLOB.test(fileGlob) ? values.filename : fileGlob;
  if (file === undefined) return undefined;
  const path = dir === '' || dir === '.' ? file : `${dir}/${file}`;
  return globMatches(glob, path) ? path : undefined;
}

/** The path parameters every template string of the Application reads back to, or undefined on a mismatch. */
function readBackAll(
  template: ManifestObject,
  app: ManifestObject,
  goTemplate: boolean,
  prefix?: string,
): PathValues | undefined {
  const values: PathValues = { segments: {} };
  for (const { field, text } of templateStrings(template)) {
    if (!text.includes('{{')) continue;
    const rendered = valueAt(app, field);
    if (typeof rendered !== 'string') continue;
    const read = readBack(text, rendered, goTemplate, prefix);
    if (!read) return undefined;
    for (const [key, value] of Object.entries(read)) {
      if (key === 'segments') continue;
      const part = key as 'path' | 'basename' | 'filename';
      if (value === undefined) continue;
      if (values[part] !== undefined && values[part] !== value)
        return undefined;
      values[part] = value as string;
    }
    for (const [i, value] of Object.entries(read.segments)) {
      const index = Number(i);
      if (
        values.segments[index] !== undefined &&
        values.segments[index] !== value
      ) {
        return undefined;
      }
      values.segments[index] = value;
    }
  }
  return values;
}

/** The config-file keys the template's version fields read, and any version field the portal cannot read. */
function versionKeys(
  template: ManifestObject,
  goTemplate: boolean,
  prefix?: string,
) {
  const keys: Array<{ key: string; field: string }> = [];
  const unknown: string[] = [];
  for (const { field, text } of templateStrings(template)) {
    if (!VERSION_FIELD.test(field)) continue;
    for (const expression of expressionsOf(text, goTemplate, prefix)) {
      if (expression.kind === 'param')
        keys.push({ key: expression.key, field });
      if (expression.kind === 'unknown') {
        unknown.push(`${field} {{${expression.text}}}`);
      }
    }
  }
  return { keys, unknown };
}

/**
 * What an ApplicationSet's git generators say of the files of one Application it generated. For a files generator
 * whose config file the template's version fields read (`{{image.tag}}`, `{{.image.tag}}`), that config file: found
 * by reading the Application's name, labels and paths back against the template (the path parameters), within the
 * generator's globs and outside its excludes. For a directories generator, the Application's rendered
 * `spec.source.path` is checked against the included and excluded directories.
 */
export function applicationSetFiles(
  app: ManifestObject,
  set: ManifestObject,
  setName: string,
): ApplicationSetFiles {
  const spec = set.spec ?? {};
  const goTemplate = spec.goTemplate === true;
  const template: ManifestObject = spec.template ?? {};
  const files: LiveLocation[] = [];
  const looked: string[] = [];
  for (const git of gitGenerators(spec.generators)) {
    const prefix =
      typeof git.pathParamPrefix === 'string' ? git.pathParamPrefix : undefined;
    const values = readBackAll(template, app, goTemplate, prefix);
    const fileEntries = entriesOf(git.files);
    const dirEntries = entriesOf(git.directories);
    if (dirEntries.include.length > 0) {
      const path = repoFolderOf(String(app.spec?.source?.path ?? ''));
      const folder = path?.replace(/\/$/, '');
      const listed =
        folder !== undefined &&
        dirEntries.include.some(glob => globMatches(glob, folder)) &&
        !dirEntries.exclude.some(glob => globMatches(glob, folder));
      if (!listed) {
        looked.push(
          `its directories generator (${[
            ...dirEntries.include,
            ...dirEntries.exclude.map(g => `exclude ${g}`),
          ].join(', ')}) lists no ${folder ?? 'spec.source.path'}`,
        );
      }
      continue;
    }
    if (fileEntries.include.length === 0) continue;
    const { keys, unknown } = versionKeys(template, goTemplate, prefix);
    if (unknown.length > 0) {
      return {
        refusal: `its template's version fields read ${unknown.join(
          ', ',
        )}, which the portal does not understand`,
      };
    }
    if (keys.length === 0) continue;
    const globs = fileEntries.include.join(', ');
    const matched = values
      ? fileEntries.include.flatMap(glob => {
          const file = fileOfGlob(glob, values);
          return file !== undefined &&
            !fileEntries.exclude.some(g => globMatches(g, file))
            ? [file]
            : [];
        })
      : [];
    if (matched.length !== 1) {
      looked.push(
        `its files generator (${globs}) gives ${
          matched.length === 0
            ? "no one file from the Application's name, labels and paths"
            : `two files, ${matched.join(' and ')}`
        }`,
      );
      continue;
    }
    const read = [...new Set(keys.map(k => `${k.key} (${k.field})`))];
    files.push({
      path: matched[0],
      repoUrl: git.repoURL,
      revision: git.revision,
      origin: `ApplicationSet ${setName} files generator ${globs}: ${read.join(
        ', ',
      )}`,
      keys: [...new Set(keys.map(k => k.key))],
    });
  }
  const distinct = [...new Set(files.map(f => f.path))];
  if (distinct.length > 1) {
    return {
      refusal: `its files generators give two config files, ${distinct.join(
        ' and ',
      )}`,
    };
  }
  if (files.length > 0) return { locations: files.slice(0, 1) };
  return looked.length > 0 ? { refusal: looked.join('; ') } : {};
}

/** Reads one object of a cluster (a GET; undefined when it does not exist). */
export type ObjectReader = (
  cluster: string,
  id: { group: string; kind: string; namespace?: string; name: string },
) => Promise<ManifestObject | undefined>;

/**
 * For an Argo CD Application an ApplicationSet generated, what that ApplicationSet says of its files (see
 * {@link applicationSetFiles}), with the ApplicationSet's name; undefined for any other object. Reads the
 * Application and its ApplicationSet from the cluster: only when a layout is asked for, never per event.
 */
export async function generatedFiles(
  record: ObjectStatus,
  read: ObjectReader,
): Promise<(ApplicationSetFiles & { set: string }) | undefined> {
  if (record.engine !== 'argocd' || record.kind !== 'Application') {
    return undefined;
  }
  const group = 'argoproj.io';
  const namespace = record.namespace;
  const app = await read(record.cluster, {
    group,
    kind: 'Application',
    namespace,
    name: record.name,
  });
  const name = app && generatingSet(app);
  if (!name) return undefined;
  const qualified = `${namespace ? `${namespace}/` : ''}${name}`;
  const set = `ApplicationSet ${qualified}`;
  const object = await read(record.cluster, {
    group,
    kind: 'ApplicationSet',
    namespace,
    name,
  });
  if (!object) return { set, refusal: 'it is not readable in the cluster' };
  return { set, ...applicationSetFiles(app, object, qualified) };
}
