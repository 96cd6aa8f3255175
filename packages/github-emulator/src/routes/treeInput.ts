import { isSha } from '../git/repo';
import { TreeChange, TreeEntryType } from '../git/trees';
import { ApiError } from '../http/api';
import { RepoHandle } from '../repos';

const TYPE_BY_MODE: Record<string, TreeEntryType> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit',
};

function invalid(message: string): ApiError {
  return new ApiError(422, message);
}

function validPath(path: unknown): path is string {
  if (typeof path !== 'string' || path === '') return false;
  return path
    .split('/')
    .every(
      part => part !== '' && part !== '.' && part !== '..' && part !== '.git',
    );
}

/**
 * Validates the `tree` array of `POST /git/trees` and turns it into changes:
 * `sha: null` deletes, inline `content` is written as a blob first.
 */
export async function parseTreeChanges(
  repo: RepoHandle,
  input: unknown,
): Promise<TreeChange[]> {
  if (!Array.isArray(input))
    throw invalid('Invalid request.\n\n"tree" wasn\'t supplied.');
  const changes: TreeChange[] = [];
  // Inline contents are written together once every entry is valid: one git process, not one per file.
  const inline: Array<{ change: { sha: string }; content: Buffer }> = [];
  for (const raw of input) {
    if (typeof raw !== 'object' || raw === null)
      throw invalid('Invalid tree info');
    const entry = raw as Record<string, unknown>;
    if (!validPath(entry.path)) {
      throw invalid(
        `tree.path ${JSON.stringify(
          entry.path,
        )} contains a malformed path component`,
      );
    }
    const path = entry.path;
    const mode = String(entry.mode ?? '');
    const type = TYPE_BY_MODE[mode === '40000' ? '040000' : mode];
    if (!type)
      throw invalid(
        `tree.mode ${JSON.stringify(entry.mode)} is not a valid mode`,
      );
    if (entry.type !== undefined && entry.type !== type) {
      throw invalid(
        `tree.type ${JSON.stringify(entry.type)} does not match mode ${mode}`,
      );
    }
    if (entry.sha === null) {
      changes.push({ path, delete: true });
    } else if (typeof entry.content === 'string') {
      if (type !== 'blob')
        throw invalid('tree.content is only valid for blobs');
      const change = { path, mode, type, sha: '' };
      inline.push({ change, content: Buffer.from(entry.content, 'utf8') });
      changes.push(change);
    } else if (isSha(entry.sha)) {
      const actual =
        type === 'commit' ? 'commit' : await repo.git.objectType(entry.sha);
      if (actual !== type)
        throw invalid(`tree.sha ${entry.sha} is not a valid ${type}`);
      changes.push({
        path,
        mode: type === 'tree' ? '040000' : mode,
        type,
        sha: entry.sha,
      });
    } else {
      throw invalid('Must supply either tree.sha or tree.content');
    }
  }
  const shas = await repo.git.writeBlobs(inline.map(i => i.content));
  inline.forEach(({ change }, i) => {
    change.sha = shas[i];
  });
  return changes;
}
