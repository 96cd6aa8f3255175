import { InputError } from '@backstage/errors';
import { Document, parseDocument } from 'yaml';
import { editYaml } from './editYaml';
import { gitBlobSha } from './gitBlobSha';
import { BaseSnapshot, BlobReader } from './baseSnapshot';
import {
  assertFileSize,
  assertNoTemplateExpressions,
  assertParsableYaml,
  assertSafeRepoPath,
} from './safety';
import { ConfigRepoChange, ResolvedChange } from './types';

const SYMLINK_MODE = '120000';
const SUBMODULE_MODE = '160000';

/** Refuses a path that is, or lies under, a symlink or submodule of the base tree. */
function assertNoLinkOnPath(base: BaseSnapshot, path: string): void {
  const segments = path.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    const entry = base.entries.get(prefix);
    if (entry?.mode === SYMLINK_MODE) {
      throw new InputError(
        `Unsafe path "${path}": ${prefix} is a symlink in the base branch`,
      );
    }
    if (entry?.mode === SUBMODULE_MODE) {
      throw new InputError(
        `Unsafe path "${path}": ${prefix} is a submodule in the base branch`,
      );
    }
  }
}

/**
 * Turns a change into the exact set of file writes against the base branch:
 * checks every path and content, applies the YAML edits to the base (or to the
 * same change's new content), expands directory deletions, and drops writes
 * that would not change anything. Throws InputError before any write.
 */
export async function resolveChange(
  change: ConfigRepoChange,
  base: BaseSnapshot,
  readBlob: BlobReader,
): Promise<ResolvedChange> {
  const wanted: ResolvedChange = {};
  for (const [path, content] of Object.entries(change.files ?? {})) {
    assertSafeRepoPath(path);
    assertNoLinkOnPath(base, path);
    if (content !== null && typeof content !== 'string') {
      throw new InputError(`Content of ${path} must be a string or null`);
    }
    wanted[path] = content;
  }
  const currentText = async (path: string, verb: string): Promise<string> => {
    assertSafeRepoPath(path);
    assertNoLinkOnPath(base, path);
    const current = wanted[path];
    if (current === null) {
      throw new InputError(`Cannot ${verb} ${path}: the change deletes it`);
    }
    if (current !== undefined) return current;
    const entry = base.entries.get(path);
    if (!entry || entry.type !== 'blob') {
      throw new InputError(
        `Cannot ${verb} ${path}: no such file on ${base.branch}`,
      );
    }
    return readBlob(entry.sha);
  };
  for (const { path, reads, edit } of change.yamlEdits ?? []) {
    const documents: Record<string, Document> = {};
    for (const read of reads ?? []) {
      const doc = parseDocument(await currentText(read, 'read'));
      if (doc.errors.length > 0) {
        throw new InputError(
          `${read} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
        );
      }
      documents[read] = doc;
    }
    const current = await currentText(path, 'edit');
    wanted[path] = editYaml(current, doc => edit(doc, { documents }), path);
  }

  const effective: ResolvedChange = {};
  for (const [path, content] of Object.entries(wanted)) {
    const entry = base.entries.get(path);
    if (content === null) {
      if (entry?.type === 'blob') effective[path] = null;
      if (entry?.type === 'tree') {
        for (const [child, childEntry] of base.entries) {
          const explicit = child in wanted;
          if (
            child.startsWith(`${path}/`) &&
            childEntry.type === 'blob' &&
            !explicit
          ) {
            effective[child] = null;
          }
        }
      }
      continue;
    }
    assertFileSize(path, content);
    assertNoTemplateExpressions(path, content);
    assertParsableYaml(path, content);
    if (entry?.type === 'tree') {
      throw new InputError(`Cannot write ${path}: it is a directory`);
    }
    const unchanged =
      entry?.type === 'blob' &&
      (entry.mode === '100644' || entry.mode === '100755') &&
      entry.sha === gitBlobSha(content);
    if (!unchanged) effective[path] = content;
  }
  return effective;
}
