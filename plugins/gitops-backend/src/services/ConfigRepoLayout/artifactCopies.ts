import type { ArtifactCopy } from '@gitops-portal/plugin-gitops-common';
import { posix } from 'node:path';
import { repoFolderOf, repoPathOf } from './sourcePaths';

/** A place of a generator's source that a folder of an ExternalArtifact holds files of. */
export interface CopiedFrom {
  /** The source's alias in the generator (`@<alias>/…`). */
  alias: string;
  /** A folder of the source (ending in `/`) or one file. */
  path: string;
  /** The rule, as the generator writes it (for the message saying where the path came from). */
  rule: ArtifactCopy;
}

const GLOB = /[*?[{]/;
const ARTIFACT = '@artifact/';

/** `@alias/rest` → alias and rest; undefined for anything else. */
function aliased(text: string): { alias: string; rest: string } | undefined {
  const match = /^@([^/]+)\/(.*)$/.exec(text);
  return match ? { alias: match[1], rest: match[2] } : undefined;
}

/**
 * What one `from` reads: the folder before its first glob segment (`deploy/**`, `deploy/*.yaml` → `deploy/`), or a
 * single file when it has no glob. Narrower globs are read as their whole folder: the portal only needs the folder
 * a version lives in, and exclusions (`exclude`) do not move it.
 */
function readFrom(rest: string): { folder?: string; file?: string } {
  const segments = rest.split('/');
  const firstGlob = segments.findIndex(s => GLOB.test(s));
  if (firstGlob < 0) {
    const file = repoPathOf(rest);
    return file === undefined ? {} : { file };
  }
  const base = segments.slice(0, firstGlob).join('/');
  // A glob at the source's root names the whole source: no folder below the root to point at.
  return { folder: base === '' ? undefined : repoFolderOf(base) };
}

/**
 * Where a rule writes inside the artifact: a folder (`@artifact/`, `@artifact/base/`) or, for a single file copied
 * to a name without a trailing `/`, that file (a rename).
 */
function writtenTo(
  to: string,
  from: { folder?: string; file?: string },
): { folder: string } | { file: string } | undefined {
  if (!to.startsWith(ARTIFACT)) return undefined;
  const rest = to.slice(ARTIFACT.length);
  const folder = rest === '' ? '' : repoFolderOf(rest);
  if (from.file !== undefined && rest !== '' && !rest.endsWith('/')) {
    const file = repoPathOf(rest);
    return file === undefined ? undefined : { file };
  }
  if (folder === undefined) return undefined;
  return from.file !== undefined
    ? { file: `${folder}${posix.basename(from.file)}` }
    : { folder };
}

/**
 * The places of the generator's sources whose files a folder of an ExternalArtifact (a Kustomization's `spec.path`
 * in it, `./staging` or `./` for the root) holds, by the artifact's copy rules: a rule copying into the folder
 * gives its whole source folder, a rule copying into a parent of it gives the matching subfolder, a copied file
 * inside it gives that file. Rules reading no `@alias/` path, or writing outside `@artifact/`, give nothing.
 */
export function copiedFrom(
  copy: ArtifactCopy[],
  artifactPath: string,
): CopiedFrom[] {
  const normalized = posix.normalize(`./${artifactPath}`).replace(/\/+$/, '');
  const inside = normalized === '.' ? '' : `${normalized}/`;
  const found: CopiedFrom[] = [];
  for (const rule of copy) {
    const source = aliased(rule.from);
    if (!source) continue;
    const from = readFrom(source.rest);
    const to = writtenTo(rule.to, from);
    if (!to) continue;
    const add = (path: string | undefined) => {
      if (path) found.push({ alias: source.alias, path, rule });
    };
    if ('file' in to) {
      if (to.file.startsWith(inside)) add(from.file);
    } else if (from.folder !== undefined) {
      if (to.folder.startsWith(inside)) add(from.folder);
      else if (inside.startsWith(to.folder)) {
        add(repoFolderOf(from.folder + inside.slice(to.folder.length)));
      }
    }
  }
  return found;
}
