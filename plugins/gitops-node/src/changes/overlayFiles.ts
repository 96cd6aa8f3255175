import { GithubClient } from '../github/createGithubClient';

export type RepoTarget = { owner: string; repo: string };

/** A file under a directory at one revision: its path and blob SHA. */
export interface TreeFile {
  path: string;
  sha: string;
}

/** The files under `dir` at `revision` (one recursive tree read). */
export async function filesUnder(
  octokit: GithubClient,
  target: RepoTarget,
  revision: string,
  dir: string,
): Promise<TreeFile[]> {
  const { data } = await octokit.git.getTree({
    owner: target.owner,
    repo: target.repo,
    tree_sha: revision,
    recursive: 'true',
  });
  return data.tree
    .filter(entry => entry.type === 'blob' && entry.path?.startsWith(`${dir}/`))
    .map(entry => ({ path: entry.path!, sha: entry.sha! }));
}

/**
 * The change that makes `now` equal `then`: files only in `now` are deleted
 * (`null`), files that differ get `then`'s content; identical blobs are left
 * out, so restoring an unchanged directory is an empty change.
 */
export async function restoreFiles(
  octokit: GithubClient,
  target: RepoTarget,
  now: TreeFile[],
  then: TreeFile[],
): Promise<Record<string, string | null>> {
  const files: Record<string, string | null> = {};
  const current = new Map(now.map(file => [file.path, file.sha]));
  for (const file of now) files[file.path] = null;
  for (const file of then) {
    if (current.get(file.path) === file.sha) {
      delete files[file.path];
      continue;
    }
    const { data } = await octokit.git.getBlob({
      owner: target.owner,
      repo: target.repo,
      file_sha: file.sha,
    });
    files[file.path] = Buffer.from(data.content, 'base64').toString('utf8');
  }
  return files;
}
