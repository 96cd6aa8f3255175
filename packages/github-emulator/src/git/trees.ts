import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepo } from './repo';

export type TreeEntryType = 'blob' | 'tree' | 'commit';

export interface TreeEntry {
  path: string;
  mode: string;
  type: TreeEntryType;
  sha: string;
  /** Blob size in bytes; absent for trees and submodules. */
  size?: number;
}

/** Lists a tree with `git ls-tree -l` (recursive includes the subtrees themselves). */
export async function listTree(
  repo: GitRepo,
  treeSha: string,
  options: { recursive?: boolean } = {},
): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-l', '-z', '--full-tree'];
  if (options.recursive) args.push('-r', '-t');
  args.push(treeSha);
  return parseLsTree((await repo.run(args)).toString('utf8'));
}

function parseLsTree(out: string): TreeEntry[] {
  return out
    .split('\0')
    .filter(Boolean)
    .map(record => {
      const tab = record.indexOf('\t');
      const [mode, type, sha, size] = record.slice(0, tab).split(/ +/);
      const entry: TreeEntry = {
        path: record.slice(tab + 1),
        mode,
        type: type as TreeEntryType,
        sha,
      };
      if (type === 'blob') entry.size = Number(size);
      return entry;
    });
}

/** The entry at `path` in a tree-ish, or null when there is none. */
export async function findEntry(
  repo: GitRepo,
  treeish: string,
  path: string,
): Promise<TreeEntry | null> {
  const out = (
    await repo.run(['ls-tree', '-l', '-z', '--full-tree', treeish, '--', path])
  ).toString('utf8');
  const entries = parseLsTree(out);
  return entries.find(entry => entry.path === path) ?? null;
}

/** One change of a `POST /git/trees` request, already validated. */
export type TreeChange =
  | { path: string; delete: true }
  | { path: string; mode: string; type: TreeEntryType; sha: string };

type IndexEntry = { mode: string; sha: string };

function removeSubtree(files: Map<string, IndexEntry>, path: string) {
  files.delete(path);
  for (const key of [...files.keys()]) {
    if (key.startsWith(`${path}/`)) files.delete(key);
  }
}

/** A file at a/b is replaced when a/b/c is written, as on GitHub. */
function removeFileAncestors(files: Map<string, IndexEntry>, path: string) {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    files.delete(parts.slice(0, i).join('/'));
  }
}

/**
 * Applies changes on top of `baseTree` (null: empty) and writes the result:
 * the flattened file list goes through a temporary index (`update-index
 * --index-info`, `write-tree`), which creates intermediate trees for nested
 * paths and drops directories that became empty.
 */
export async function buildTree(
  repo: GitRepo,
  baseTree: string | null,
  changes: TreeChange[],
): Promise<string> {
  const files = new Map<string, IndexEntry>();
  if (baseTree) {
    for (const entry of await listTree(repo, baseTree, { recursive: true })) {
      if (entry.type !== 'tree') files.set(entry.path, entry);
    }
  }
  for (const change of changes) {
    removeSubtree(files, change.path);
    if ('delete' in change) continue;
    removeFileAncestors(files, change.path);
    if (change.type === 'tree') {
      for (const entry of await listTree(repo, change.sha, {
        recursive: true,
      })) {
        if (entry.type !== 'tree')
          files.set(`${change.path}/${entry.path}`, entry);
      }
    } else {
      files.set(change.path, { mode: change.mode, sha: change.sha });
    }
  }
  const indexInfo = [...files]
    .map(([path, entry]) => `${entry.mode} ${entry.sha}\t${path}\0`)
    .join('');
  const dir = await mkdtemp(join(tmpdir(), 'github-emulator-index-'));
  try {
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    await repo.run(['update-index', '-z', '--index-info'], {
      input: indexInfo,
      env,
    });
    return await repo.text(['write-tree'], { env });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
