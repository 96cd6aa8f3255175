import { GitRepo, ZERO_SHA } from './repo';

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export type FileStatus =
  | 'added'
  | 'removed'
  | 'modified'
  | 'renamed'
  | 'copied'
  | 'changed';

export interface FileChange {
  filename: string;
  previousFilename?: string;
  status: FileStatus;
  /** Blob sha of the new version (of the old one for removed files). */
  sha: string;
  additions: number;
  deletions: number;
  /** Unified diff hunks starting at the first `@@`; absent for binary files. */
  patch?: string;
}

const STATUS: Record<string, FileStatus> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

interface RawRecord {
  oldSha: string;
  newSha: string;
  status: FileStatus;
  paths: string[];
}

function parseRaw(out: string): RawRecord[] {
  const fields = out.split('\0');
  const records: RawRecord[] = [];
  for (let i = 0; i < fields.length; ) {
    const meta = fields[i++];
    if (!meta.startsWith(':')) continue;
    const [, , oldSha, newSha, statusField] = meta.slice(1).split(' ');
    const letter = statusField[0];
    const pathCount = letter === 'R' || letter === 'C' ? 2 : 1;
    const paths = fields.slice(i, i + pathCount);
    i += pathCount;
    records.push({
      oldSha,
      newSha,
      status: STATUS[letter] ?? 'modified',
      paths,
    });
  }
  return records;
}

function parseNumstat(out: string): Array<[number, number]> {
  const fields = out.split('\0');
  const counts: Array<[number, number]> = [];
  for (let i = 0; i < fields.length; i++) {
    const match = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(fields[i]);
    if (!match) continue;
    // A rename has an empty path here followed by the old and new names.
    if (match[3] === '') i += 2;
    counts.push([Number(match[1]) || 0, Number(match[2]) || 0]);
  }
  return counts;
}

/** Per-file hunks of a `diff-tree -p` output, in file order. */
function splitPatches(out: string): Array<string | undefined> {
  const sections = out.split(/^diff --git /m).slice(1);
  return sections.map(section => {
    const hunkStart = section.search(/^@@/m);
    if (hunkStart === -1) return undefined;
    return section.slice(hunkStart).replace(/\n$/, '');
  });
}

/** The files changed between two tree-ishes (null: the empty tree). */
export async function diffFiles(
  repo: GitRepo,
  from: string | null,
  to: string,
): Promise<FileChange[]> {
  const base = ['diff-tree', '-r', '-M', '--no-abbrev', from ?? EMPTY_TREE, to];
  const [raw, numstat, patch] = await Promise.all([
    repo.run([...base.slice(0, 3), '-z', '--raw', ...base.slice(3)]),
    repo.run([...base.slice(0, 3), '-z', '--numstat', ...base.slice(3)]),
    repo.run([...base.slice(0, 3), '-p', '--no-color', ...base.slice(3)]),
  ]);
  const counts = parseNumstat(numstat.toString('utf8'));
  const patches = splitPatches(patch.toString('utf8'));
  return parseRaw(raw.toString('utf8')).map((record, index) => {
    const change: FileChange = {
      filename: record.paths[record.paths.length - 1],
      status: record.status,
      sha: record.newSha === ZERO_SHA ? record.oldSha : record.newSha,
      additions: counts[index]?.[0] ?? 0,
      deletions: counts[index]?.[1] ?? 0,
    };
    if (record.paths.length === 2) change.previousFilename = record.paths[0];
    const hunks = patches[index];
    if (hunks !== undefined) change.patch = hunks;
    return change;
  });
}
