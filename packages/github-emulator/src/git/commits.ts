import { GitRepo } from './repo';

export interface GitIdentity {
  name: string;
  email: string;
  /** ISO 8601, like GitHub prints it. */
  date: string;
}

export interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  message: string;
}

/** GitHub prints timestamps as ISO 8601 in UTC without milliseconds. */
export function isoSeconds(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseIdentity(raw: string): GitIdentity {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(raw);
  if (!match) return { name: raw, email: '', date: isoSeconds(new Date(0)) };
  return {
    name: match[1],
    email: match[2],
    date: isoSeconds(new Date(Number(match[3]) * 1000)),
  };
}

/** Parses `git cat-file commit` output (headers, blank line, message). */
export function parseCommit(sha: string, raw: string): GitCommit {
  const split = raw.indexOf('\n\n');
  const headerText = split === -1 ? raw : raw.slice(0, split);
  const message = split === -1 ? '' : raw.slice(split + 2);
  const commit: GitCommit = {
    sha,
    tree: '',
    parents: [],
    author: parseIdentity(''),
    committer: parseIdentity(''),
    // Git stores messages newline-terminated; GitHub returns them without it.
    message: message.replace(/\n$/, ''),
  };
  for (const line of headerText.split('\n')) {
    if (line.startsWith(' ')) continue; // continuation of a multi-line header (gpgsig)
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') commit.tree = value;
    else if (key === 'parent') commit.parents.push(value);
    else if (key === 'author') commit.author = parseIdentity(value);
    else if (key === 'committer') commit.committer = parseIdentity(value);
  }
  return commit;
}

export async function readCommit(
  repo: GitRepo,
  sha: string,
): Promise<GitCommit> {
  const raw = await repo.run(['cat-file', 'commit', sha]);
  return parseCommit(sha, raw.toString('utf8'));
}

export interface NewCommit {
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date?: string };
  committer?: { name: string; email: string; date?: string };
}

/** Writes a commit object with `git commit-tree`; returns its sha. */
export async function writeCommit(
  repo: GitRepo,
  commit: NewCommit,
): Promise<string> {
  const committer = commit.committer ?? commit.author;
  const env: Record<string, string> = {
    GIT_AUTHOR_NAME: commit.author.name,
    GIT_AUTHOR_EMAIL: commit.author.email,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
  };
  if (commit.author.date) env.GIT_AUTHOR_DATE = commit.author.date;
  if (committer.date) env.GIT_COMMITTER_DATE = committer.date;
  const args = ['commit-tree', commit.tree];
  for (const parent of commit.parents) args.push('-p', parent);
  const message = commit.message.endsWith('\n')
    ? commit.message
    : `${commit.message}\n`;
  return repo.text(args, { input: message, env });
}

/** Commits reachable from `tip`, newest first, optionally limited to a path. */
export async function listCommitShas(
  repo: GitRepo,
  range: string[],
  options: { path?: string; reverse?: boolean } = {},
): Promise<string[]> {
  const args = ['rev-list'];
  if (options.reverse) args.push('--reverse');
  args.push(...range, '--');
  if (options.path) args.push(options.path);
  const out = await repo.text(args);
  return out ? out.split('\n') : [];
}
