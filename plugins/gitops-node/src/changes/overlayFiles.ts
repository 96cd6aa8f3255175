import { ConfigRepoReader, ConfigRepoTreeEntry } from '../configRepo/types';

/**
 * The change that makes `now` equal `then`: files only in `now` are deleted
 * (`null`), files that differ get `then`'s content; identical blobs are left
 * out, so restoring an unchanged directory is an empty change.
 */
export async function restoreFiles(
  reader: ConfigRepoReader,
  now: ConfigRepoTreeEntry[],
  then: ConfigRepoTreeEntry[],
): Promise<Record<string, string | null>> {
  const files: Record<string, string | null> = {};
  const current = new Map(now.map(file => [file.path, file.sha]));
  for (const file of now) files[file.path] = null;
  for (const file of then) {
    if (current.get(file.path) === file.sha) {
      delete files[file.path];
      continue;
    }
    files[file.path] = await reader.readBlob(file.sha);
  }
  return files;
}
